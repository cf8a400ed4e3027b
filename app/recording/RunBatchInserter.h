#pragma once
// Writes what the run writer took from the queue into the open run file, one transaction per call: channel
// declarations, audit rows (extending the hash chain) and events, then readings until the batch ends or a
// time budget is spent, so that a backlog is committed in slices. Keeps what spans transactions: the chain's
// tail, the readings' seq counter (schema 3) and the channel ids. On the writer thread only.
#include "RecordQueue.h"
#include "SqliteStatement.h"

#include <QByteArray>
#include <QHash>
#include <QSqlDatabase>

class RunBatchInserter
{
public:
    // Where the file stands when the writer opens it.
    struct Tail
    {
        int schemaVersion = 0;
        qint64 nextReadingSeq = 0;
        qint64 auditRows = 0;
        QByteArray headHash; // of audit row auditRows (the genesis hash when there are none)
    };

    // Prepares the inserts on the open connection; returns an error text, empty on success.
    QString prepare(const QSqlDatabase &db, const Tail &tail);
    // Before the connection is closed.
    void finalize();
    // One transaction; *to is where the readings stopped. On failure it is rolled back whole.
    QString writeTransaction(const RecordQueue::Batch &batch, bool withRecords, qsizetype from, qsizetype *to,
                             int budgetMs);
    qint64 auditRows() const { return m_lastAuditId; }
    QByteArray headHash() const { return m_lastAuditHash; }

private:
    QString insertReadings(const RecordQueue::Batch &batch, qsizetype from, qsizetype *to, int budgetMs);
    QString insertAudit(const QVector<AuditEntry> &entries, qint64 *auditId, QByteArray *auditHash);
    QString insertEvents(const QVector<RunEvent> &events);
    QString writeChannel(const ChannelInfo &channel);
    qint64 channelId(const QString &name, const QString &unit, QString *error);

    QSqlDatabase m_db;
    SqliteStatement m_insertReading; // the hot path, on the raw handle
    SqliteStatement m_saveReadingSeq;
    int m_schemaVersion = 0;
    qint64 m_nextReadingSeq = 0; // version 3: the key that keeps same-millisecond readings apart
    QHash<QString, qint64> m_channelIds;
    qint64 m_lastAuditId = 0;
    QByteArray m_lastAuditHash;
};
