#pragma once
// Lives on the recorder's writer thread: owns the SQLite connection and commits what the GUI side queued, in
// one transaction per flush. Never touched from another thread except through queued calls and RecordQueue.
//
// A backlog is written in several transactions, each committed after about one flush interval of work, so a
// crash still loses at most the last interval however far behind the writer is.
//
// After each commit that added audit rows the writer appends the chain's head to the run's anchor log
// (RunAnchorLog), outside the run file.
//
// A batch that cannot be written (disk full, I/O error) goes back to the front of the queue and is retried
// with a growing, jittered delay; storageFailing() is emitted at the first failure and storageRecovered()
// once a batch commits again. The writer holds the run's lock file while open so that recovery leaves a live
// run alone; close() marks the run finished.
#include "AnchorLocation.h"
#include "RecordQueue.h"
#include "RunAnchorLog.h"
#include "RunBatchInserter.h"
#include "RunRecovery.h"

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
    // Before open(): where the anchor log and key are (default AnchorLocation::standard()).
    void setAnchorLocation(const AnchorLocation &location) { m_anchorLocation = location; }

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
    QString prepare(RunBatchInserter::Tail *tail);
    QString openAnchorLog();
    void anchor();
    void scheduleRetry();

    QString m_path;
    QHash<QString, QString> m_runInfo;
    RecordQueue *m_queue;
    QString m_connectionName;
    QSqlDatabase m_db;
    RunBatchInserter m_inserter;
    AnchorLocation m_anchorLocation = AnchorLocation::standard();
    std::unique_ptr<RunAnchorLog> m_anchorLog;
    QString m_runId;
    bool m_anchorFailing = false;
    std::unique_ptr<QLockFile> m_lock;
    QTimer *m_timer = nullptr;
    int m_flushIntervalMs;
    qint64 m_committed = 0;
    bool m_failing = false;
    int m_failures = 0;
    QElapsedTimer m_sinceFailure;
    qint64 m_retryDelayMs = 0;
};
