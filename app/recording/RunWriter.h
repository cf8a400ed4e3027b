#pragma once
// Lives on the recorder's writer thread: owns the SQLite connection and commits what the GUI side queued, in
// one transaction per flush. Never touched from another thread except through queued calls and RecordQueue.
#include "RecordQueue.h"

#include <QHash>
#include <QObject>
#include <QSqlDatabase>
#include <QTimer>

class RunWriter : public QObject
{
    Q_OBJECT
public:
    RunWriter(QString path, QHash<QString, QString> runInfo, RecordQueue *queue, int flushIntervalMs);

public Q_SLOTS:
    void open();
    void flush();
    void close();

Q_SIGNALS:
    void opened();
    void failed(const QString &message);
    void committed(qint64 readingsCommitted);

private:
    QString writeBatch(const RecordQueue::Batch &batch);
    qint64 channelId(const QString &name, const QString &unit, QString *error);

    QString m_path;
    QHash<QString, QString> m_runInfo;
    RecordQueue *m_queue;
    QString m_connectionName;
    QSqlDatabase m_db;
    QTimer *m_timer = nullptr;
    int m_flushIntervalMs;
    QHash<QString, qint64> m_channelIds;
    qint64 m_committed = 0;
    bool m_failing = false;
};
