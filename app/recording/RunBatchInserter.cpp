#include "RunBatchInserter.h"

#include "AuditChain.h"

#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>

namespace {
// The columns are NOT NULL: a null QString (never set) is stored as an empty text, never refused.
QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}
} // namespace

// A version-2 file (written before the clustered layout) is continued in its own layout.
QString RunBatchInserter::prepare(const QSqlDatabase &db, const Tail &tail)
{
    m_db = db;
    m_schemaVersion = tail.schemaVersion;
    m_nextReadingSeq = tail.nextReadingSeq;
    m_lastAuditId = tail.auditRows;
    m_lastAuditHash = tail.headHash;
    sqlite3 *handle = SqliteStatement::handleOf(m_db);
    if (m_schemaVersion < 3)
        return m_insertReading.prepare(
            handle, "INSERT INTO readings (t_ms, channel_id, value, quality) VALUES (?,?,?,?)");
    const QString error = m_insertReading.prepare(
        handle, "INSERT INTO readings (t_ms, channel_id, value, quality, seq) VALUES (?,?,?,?,?)");
    return error.isEmpty() ? m_saveReadingSeq.prepare(handle, "INSERT OR REPLACE INTO run_info (key, value) "
                                                              "VALUES ('next_reading_seq', ?)")
                           : error;
}

void RunBatchInserter::finalize()
{
    m_insertReading.finalize(); // SQLite will not close with a statement still prepared
    m_saveReadingSeq.finalize();
    m_db = QSqlDatabase();
}

QString RunBatchInserter::writeTransaction(const RecordQueue::Batch &batch, bool withRecords, qsizetype from,
                                           qsizetype *to, int budgetMs)
{
    if (!m_db.transaction())
        return m_db.lastError().text();
    const qint64 seqAtStart = m_nextReadingSeq;
    qint64 auditId = m_lastAuditId;
    QByteArray auditHash = m_lastAuditHash;
    QString error;
    if (withRecords) {
        for (const ChannelInfo &channel : batch.channels) {
            error = writeChannel(channel);
            if (!error.isEmpty())
                break;
        }
        if (error.isEmpty())
            error = insertAudit(batch.audit, &auditId, &auditHash);
        if (error.isEmpty())
            error = insertEvents(batch.events);
    }
    if (error.isEmpty())
        error = insertReadings(batch, from, to, budgetMs);
    if (error.isEmpty() && m_db.commit()) {
        m_lastAuditId = auditId;
        m_lastAuditHash = auditHash;
        return {};
    }
    if (error.isEmpty())
        error = m_db.lastError().text();
    m_db.rollback();
    m_nextReadingSeq = seqAtStart;
    m_channelIds.clear(); // ids inserted in the rolled-back transaction are gone
    return error;
}

// Inserts until the batch ends or budgetMs of work are done (checked every 1024 readings).
QString RunBatchInserter::insertReadings(const RecordQueue::Batch &batch, qsizetype from, qsizetype *to,
                                         int budgetMs)
{
    QElapsedTimer work;
    work.start();
    const qsizetype end = batch.readings.size();
    qsizetype i = from;
    QString error;
    for (; i < end && error.isEmpty(); ++i) {
        if ((i - from) % 1024 == 1023 && work.elapsed() >= budgetMs)
            break;
        const Reading &r = batch.readings.at(i);
        const qint64 id = channelId(r.channel, r.unit, &error);
        if (!error.isEmpty())
            break;
        m_insertReading.bind(1, qint64(r.sourceTimeMs));
        m_insertReading.bind(2, id);
        m_insertReading.bind(3, r.value);
        m_insertReading.bind(4, qint64(r.quality));
        if (m_schemaVersion >= 3)
            m_insertReading.bind(5, m_nextReadingSeq++);
        error = m_insertReading.execute();
    }
    if (error.isEmpty() && i > from && m_schemaVersion >= 3) {
        m_saveReadingSeq.bind(1, m_nextReadingSeq);
        error = m_saveReadingSeq.execute();
    }
    *to = i;
    return error;
}

QString RunBatchInserter::insertAudit(const QVector<AuditEntry> &entries, qint64 *auditId,
                                      QByteArray *auditHash)
{
    QSqlQuery audit(m_db);
    audit.prepare(QStringLiteral("INSERT INTO audit (id, t_ms, user, role, object, old_value, new_value, "
                                 "reason, hash) VALUES (?,?,?,?,?,?,?,?,?)"));
    for (const AuditEntry &a : entries) {
        ++*auditId;
        *auditHash = AuditChain::rowHash(*auditHash, *auditId, a);
        for (const QVariant &v :
             {QVariant(*auditId), QVariant(a.timeMs), text(a.user), text(a.role), text(a.object),
              text(a.oldValue), text(a.newValue), text(a.reason), QVariant(*auditHash)})
            audit.addBindValue(v);
        if (!audit.exec())
            return audit.lastError().text();
    }
    return {};
}

QString RunBatchInserter::insertEvents(const QVector<RunEvent> &events)
{
    QSqlQuery event(m_db);
    event.prepare(QStringLiteral("INSERT INTO events (t_ms, kind, text, end_ms) VALUES (?,?,?,?)"));
    for (const RunEvent &e : events) {
        event.addBindValue(e.timeMs);
        event.addBindValue(text(e.kind));
        event.addBindValue(text(e.text));
        event.addBindValue(e.endMs > 0 ? QVariant(e.endMs) : QVariant());
        if (!event.exec())
            return event.lastError().text();
    }
    return {};
}
QString RunBatchInserter::writeChannel(const ChannelInfo &channel)
{
    QSqlQuery query(m_db);
    query.prepare(
        QStringLiteral("INSERT INTO channels (name, unit, label, minimum, maximum) VALUES (?,?,?,?,?) "
                       "ON CONFLICT(name) DO UPDATE SET unit = excluded.unit, label = excluded.label, "
                       "minimum = excluded.minimum, maximum = excluded.maximum"));
    for (const QVariant &v : {text(channel.name), text(channel.unit), text(channel.label),
                              QVariant(channel.minimum), QVariant(channel.maximum)})
        query.addBindValue(v);
    return query.exec() ? QString() : query.lastError().text();
}

qint64 RunBatchInserter::channelId(const QString &name, const QString &unit, QString *error)
{
    const auto it = m_channelIds.constFind(name);
    if (it != m_channelIds.cend())
        return *it;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT OR IGNORE INTO channels (name, unit) VALUES (?, ?)"));
    query.addBindValue(text(name));
    query.addBindValue(text(unit));
    if (!query.exec()) {
        *error = query.lastError().text();
        return -1;
    }
    query.prepare(QStringLiteral("SELECT id FROM channels WHERE name = ?"));
    query.addBindValue(name);
    if (!query.exec() || !query.next()) {
        *error = query.lastError().text();
        return -1;
    }
    const qint64 id = query.value(0).toLongLong();
    m_channelIds.insert(name, id);
    return id;
}
