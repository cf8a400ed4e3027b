#include "RunWriter.h"

#include "AnchorKey.h"
#include "AuditChain.h"
#include "RunSchema.h"

#include <QDateTime>
#include <QLockFile>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

Q_LOGGING_CATEGORY(lcRecorder, "reactordesk.recorder")

namespace {
constexpr qint64 maxRetryDelayMs = 2000;

// The columns are NOT NULL: a null QString (never set) is stored as an empty text, never refused.
QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}
} // namespace

RunWriter::RunWriter(QString path, QHash<QString, QString> runInfo, RecordQueue *queue, int flushIntervalMs)
    : m_path(std::move(path)), m_runInfo(std::move(runInfo)), m_queue(queue),
      m_connectionName(QStringLiteral("run-writer-") + QUuid::createUuid().toString(QUuid::WithoutBraces)),
      m_flushIntervalMs(flushIntervalMs)
{
    qRegisterMetaType<RunRecovery::Outcome>();
}

RunWriter::~RunWriter() = default;

void RunWriter::open()
{
    m_lock = std::make_unique<QLockFile>(RunRecovery::lockFilePath(m_path));
    m_lock->setStaleLockTime(0);
    if (!m_lock->tryLock(0)) {
        Q_EMIT failed(tr("run file %1 is being written by another process").arg(m_path));
        return;
    }
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(m_path);
    if (!m_db.open()) {
        Q_EMIT failed(tr("cannot open run file %1: %2").arg(m_path, m_db.lastError().text()));
        return;
    }
    QString error = prepare();
    if (error.isEmpty())
        error = prepareInserts();
    if (!error.isEmpty()) {
        Q_EMIT failed(tr("cannot prepare run file %1: %2").arg(m_path, error));
        m_db.close();
        return;
    }
    m_timer = new QTimer(this);
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &RunWriter::flush);
    m_timer->start(m_flushIntervalMs);
    Q_EMIT opened();
}

// Schema, run info, the tail of the audit chain; a run that was not closed cleanly and is now continued gets
// its gap marked and loses its finished mark until this writer closes it.
QString RunWriter::prepare()
{
    QString error = RunSchema::configureForWriting(m_db);
    if (error.isEmpty())
        error = RunSchema::create(m_db);
    if (!error.isEmpty())
        return error;
    if (!m_db.transaction())
        return m_db.lastError().text();
    QSqlQuery query(m_db);
    if (!RunRecovery::isFinished(m_db))
        error = RunRecovery::markGap(m_db, QDateTime::currentMSecsSinceEpoch(), nullptr);
    else if (!query.exec(QStringLiteral("DELETE FROM run_info WHERE key = 'finished_utc'")))
        error = query.lastError().text();
    query.prepare(QStringLiteral("INSERT OR IGNORE INTO run_info (key, value) VALUES ('run_id', ?)"));
    query.addBindValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
    if (error.isEmpty() && !query.exec())
        error = query.lastError().text();
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO run_info (key, value) VALUES (?, ?)"));
    for (auto it = m_runInfo.cbegin(); error.isEmpty() && it != m_runInfo.cend(); ++it) {
        query.addBindValue(it.key());
        query.addBindValue(it.value());
        if (!query.exec())
            error = query.lastError().text();
    }
    if (error.isEmpty() &&
        query.exec(QStringLiteral("SELECT (SELECT value FROM run_info WHERE key = 'run_id'), "
                                  "(SELECT value FROM run_info WHERE key = 'next_reading_seq')")) &&
        query.next()) {
        m_runId = query.value(0).toString();
        m_nextReadingSeq = query.value(1).toLongLong();
    } else if (error.isEmpty()) {
        error = query.lastError().text();
    }
    m_schemaVersion = RunSchema::versionOf(m_db);
    if (error.isEmpty() &&
        query.exec(QStringLiteral("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1"))) {
        m_lastAuditId = query.next() ? query.value(0).toLongLong() : 0;
        m_lastAuditHash = m_lastAuditId ? query.value(1).toByteArray() : AuditChain::genesis();
    } else if (error.isEmpty()) {
        error = query.lastError().text();
    }
    query.finish();
    if (error.isEmpty() && !m_db.commit())
        error = m_db.lastError().text();
    if (!error.isEmpty())
        m_db.rollback();
    return error;
}

// A version-2 file (written before the clustered layout) is continued in its own layout.
QString RunWriter::prepareInserts()
{
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

// The key is loaded (created on first use of the installation) when the run first has audit rows to anchor.
QString RunWriter::openAnchorLog()
{
    QByteArray key;
    const QString error = AnchorKey::load(m_anchorLocation.keyFile, true, &key);
    if (error.isEmpty())
        m_anchorLog = std::make_unique<RunAnchorLog>(m_anchorLocation.logPath(m_runId), key);
    return error;
}

void RunWriter::flush()
{
    if (!m_db.isOpen())
        return;
    if (m_failing && m_sinceFailure.elapsed() < m_retryDelayMs)
        return;
    RecordQueue::Batch batch = m_queue->takeAll();
    if (batch.isEmpty())
        return;
    const int records = int(batch.audit.size() + batch.events.size() + batch.channels.size());
    QString error;
    qsizetype written = 0;
    bool recordsWritten = false;
    while (!recordsWritten || written < batch.readings.size()) {
        const bool withRecords = !recordsWritten;
        qsizetype to = written;
        error = writeTransaction(batch, withRecords, written, &to);
        if (!error.isEmpty())
            break;
        recordsWritten = true;
        m_queue->markWritten(int(to - written) + (withRecords ? records : 0), int(to - written));
        m_committed += to - written;
        written = to;
        Q_EMIT committed(m_committed);
        if (withRecords && !batch.audit.isEmpty())
            anchor();
        if (m_failing) {
            m_failing = false;
            m_failures = 0;
            qCInfo(lcRecorder) << "writing" << m_path << "works again";
            Q_EMIT storageRecovered();
        }
    }
    if (error.isEmpty())
        return;
    // Keep what could not be written: it goes back in front of anything queued since, and is retried.
    if (recordsWritten) {
        batch.audit.clear();
        batch.events.clear();
        batch.channels.clear();
    }
    batch.readings.remove(0, written);
    m_queue->requeueFront(std::move(batch));
    scheduleRetry();
    if (m_failures == 1) {
        const QString message = tr("writing run file %1 failed: %2").arg(m_path, error);
        qCWarning(lcRecorder) << message;
        Q_EMIT storageFailing(message);
        Q_EMIT failed(message);
    }
}

// Runs after the commit, on this thread: the anchor never names rows that are not on disk. A failed append
// is reported once and tried again at the next commit with audit rows (its line covers this one's rows).
void RunWriter::anchor()
{
    QString error = m_anchorLog ? QString() : openAnchorLog();
    if (error.isEmpty())
        error = m_anchorLog->append(
            RunAnchor{m_runId, m_lastAuditId, m_lastAuditHash, QDateTime::currentMSecsSinceEpoch()});
    if (!error.isEmpty() && !m_anchorFailing) {
        const QString message = tr("run %1: its audit trail cannot be anchored: %2").arg(m_path, error);
        qCWarning(lcRecorder) << message;
        Q_EMIT failed(message);
    }
    m_anchorFailing = !error.isEmpty();
}

void RunWriter::scheduleRetry()
{
    m_failing = true;
    ++m_failures;
    // Exponential backoff from one flush interval up to 2 s, with +-25 % jitter.
    const qint64 base =
        std::min<qint64>(maxRetryDelayMs, qint64(m_flushIntervalMs) << std::min(m_failures, 8));
    m_retryDelayMs = base * 3 / 4 + QRandomGenerator::global()->bounded(base / 2 + 1);
    m_sinceFailure.start();
}

QString RunWriter::writeTransaction(const RecordQueue::Batch &batch, bool withRecords, qsizetype from,
                                    qsizetype *to)
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
        error = insertReadings(batch, from, to);
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

// Inserts until the batch ends or a flush interval of work is done (checked every 1024 readings).
QString RunWriter::insertReadings(const RecordQueue::Batch &batch, qsizetype from, qsizetype *to)
{
    QElapsedTimer work;
    work.start();
    const qsizetype end = batch.readings.size();
    qsizetype i = from;
    QString error;
    for (; i < end && error.isEmpty(); ++i) {
        if ((i - from) % 1024 == 1023 && work.elapsed() >= m_flushIntervalMs)
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

QString RunWriter::insertAudit(const QVector<AuditEntry> &entries, qint64 *auditId, QByteArray *auditHash)
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

QString RunWriter::insertEvents(const QVector<RunEvent> &events)
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
QString RunWriter::writeChannel(const ChannelInfo &channel)
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

qint64 RunWriter::channelId(const QString &name, const QString &unit, QString *error)
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

void RunWriter::close()
{
    if (m_timer)
        m_timer->stop();
    if (m_db.isOpen()) {
        m_failing = false; // one last attempt, whatever the backoff says
        flush();
        if (m_queue->depth() > 0)
            qCWarning(lcRecorder) << m_queue->depth() << "records could not be written to" << m_path;
        else if (const QString error = RunRecovery::markFinished(m_db, QDateTime::currentMSecsSinceEpoch());
                 !error.isEmpty())
            qCWarning(lcRecorder) << "cannot mark" << m_path << "finished:" << error;
        QSqlQuery checkpoint(m_db);
        checkpoint.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    }
    m_insertReading.finalize(); // SQLite will not close with a statement still prepared
    m_saveReadingSeq.finalize();
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
    if (m_lock)
        m_lock->unlock();
    qCInfo(lcRecorder) << "closed" << m_path << "after" << m_committed << "readings";
}

void RunWriter::recoverFolder(const QString &folder)
{
    for (const RunRecovery::Outcome &outcome :
         RunRecovery::recoverFolder(folder, QDateTime::currentMSecsSinceEpoch(), m_path)) {
        if (!outcome.error.isEmpty())
            qCWarning(lcRecorder) << outcome.error;
        if (outcome.recovered || !outcome.error.isEmpty())
            Q_EMIT recovered(outcome);
    }
}
