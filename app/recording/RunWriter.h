#pragma once
// Lives on the recorder's writer thread: owns the SQLite connection and commits what the GUI side queued, in
// one transaction per flush. Never touched from another thread except through queued calls and RecordQueue.
//
// A batch that cannot be written (disk full, I/O error) goes back to the front of the queue and is retried
// with a growing, jittered delay; storageFailing() is emitted at the first failure and storageRecovered()
// once a batch commits again. The writer holds the run's lock file while open so that recovery leaves a live
// run alone; close() marks the run finished.
#include "RecordQueue.h"
#include "RunRecovery.h"
#include "SqliteStatement.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSqlDatabase>
#include <QTimer>

#include <memory>

class QLockFile;

class RunWriter : public QObject
{
    Q_OBJECT
public:
    RunWriter(QString path, QHash<QString, QString> runInfo, RecordQueue *queue, int flushIntervalMs);
    ~RunWriter() override;

public Q_SLOTS:
    void open();
    void flush();
    void close();
    void recoverFolder(const QString &folder);

Q_SIGNALS:
    void opened();
    void failed(const QString &message);
    void committed(qint64 readingsCommitted);
    void storageFailing(const QString &message);
    void storageRecovered();
    void recovered(const RunRecovery::Outcome &outcome);

private:
    QString prepare();
    QString writeBatch(const RecordQueue::Batch &batch);
    QString writeChannel(const ChannelInfo &channel);
    qint64 channelId(const QString &name, const QString &unit, QString *error);
    void scheduleRetry();

    QString m_path;
    QHash<QString, QString> m_runInfo;
    RecordQueue *m_queue;
    QString m_connectionName;
    QSqlDatabase m_db;
    SqliteStatement m_insertReading; // the hot path, on the raw handle
    std::unique_ptr<QLockFile> m_lock;
    QTimer *m_timer = nullptr;
    int m_flushIntervalMs;
    QHash<QString, qint64> m_channelIds;
    qint64 m_committed = 0;
    qint64 m_lastAuditId = 0;
    QByteArray m_lastAuditHash;
    bool m_failing = false;
    int m_failures = 0;
    QElapsedTimer m_sinceFailure;
    qint64 m_retryDelayMs = 0;
};
