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
    RunBatchInserter::Tail tail;
    QString error = prepare(&tail);
    if (error.isEmpty())
        error = m_inserter.prepare(m_db, tail);
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
QString RunWriter::prepare(RunBatchInserter::Tail *tail)
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
        tail->nextReadingSeq = query.value(1).toLongLong();
    } else if (error.isEmpty()) {
        error = query.lastError().text();
    }
    tail->schemaVersion = RunSchema::versionOf(m_db);
    if (error.isEmpty() &&
        query.exec(QStringLiteral("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1"))) {
        tail->auditRows = query.next() ? query.value(0).toLongLong() : 0;
        tail->headHash = tail->auditRows ? query.value(1).toByteArray() : AuditChain::genesis();
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
        error = m_inserter.writeTransaction(batch, withRecords, written, &to, m_flushIntervalMs);
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
        error = m_anchorLog->append(RunAnchor{m_runId, m_inserter.auditRows(), m_inserter.headHash(),
                                              QDateTime::currentMSecsSinceEpoch()});
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
    m_inserter.finalize();
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
