#include "RunWriter.h"

#include "RunSchema.h"

#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>

Q_LOGGING_CATEGORY(lcRecorder, "reactordesk.recorder")

RunWriter::RunWriter(QString path, QHash<QString, QString> runInfo, RecordQueue *queue, int flushIntervalMs)
    : m_path(std::move(path)), m_runInfo(std::move(runInfo)), m_queue(queue),
      m_connectionName(QStringLiteral("run-writer-") + QUuid::createUuid().toString(QUuid::WithoutBraces)),
      m_flushIntervalMs(flushIntervalMs)
{
}

void RunWriter::open()
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(m_path);
    if (!m_db.open()) {
        Q_EMIT failed(tr("cannot open run file %1: %2").arg(m_path, m_db.lastError().text()));
        return;
    }
    QString error = RunSchema::configureForWriting(m_db);
    if (error.isEmpty())
        error = RunSchema::create(m_db);
    QSqlQuery info(m_db);
    info.prepare(QStringLiteral("INSERT OR REPLACE INTO run_info (key, value) VALUES (?, ?)"));
    for (auto it = m_runInfo.cbegin(); error.isEmpty() && it != m_runInfo.cend(); ++it) {
        info.addBindValue(it.key());
        info.addBindValue(it.value());
        if (!info.exec())
            error = info.lastError().text();
    }
    if (!error.isEmpty()) {
        Q_EMIT failed(tr("cannot prepare run file %1: %2").arg(m_path, error));
        return;
    }
    m_timer = new QTimer(this);
    connect(m_timer, &QTimer::timeout, this, &RunWriter::flush);
    m_timer->start(m_flushIntervalMs);
    Q_EMIT opened();
}

void RunWriter::flush()
{
    if (!m_db.isOpen())
        return;
    RecordQueue::Batch batch = m_queue->takeAll();
    if (batch.isEmpty())
        return;
    const QString error = writeBatch(batch);
    if (error.isEmpty()) {
        m_failing = false;
        m_committed += batch.readings.size();
        Q_EMIT committed(m_committed);
        return;
    }
    // Keep what could not be written: it goes back in front of anything queued since, and is retried.
    m_queue->requeueFront(std::move(batch));
    if (!m_failing)
        Q_EMIT failed(tr("writing run file %1 failed: %2").arg(m_path, error));
    m_failing = true;
}

QString RunWriter::writeBatch(const RecordQueue::Batch &batch)
{
    if (!m_db.transaction())
        return m_db.lastError().text();
    QString error;
    QSqlQuery reading(m_db);
    reading.prepare(
        QStringLiteral("INSERT INTO readings (t_ms, channel_id, value, quality) VALUES (?,?,?,?)"));
    for (const Reading &r : batch.readings) {
        const qint64 id = channelId(r.channel, r.unit, &error);
        if (!error.isEmpty())
            break;
        reading.bindValue(0, qint64(r.sourceTimeMs));
        reading.bindValue(1, id);
        reading.bindValue(2, r.value);
        reading.bindValue(3, int(r.quality));
        if (!reading.exec()) {
            error = reading.lastError().text();
            break;
        }
    }
    QSqlQuery audit(m_db);
    audit.prepare(QStringLiteral("INSERT INTO audit (t_ms, user, role, object, old_value, new_value, reason) "
                                 "VALUES (?,?,?,?,?,?,?)"));
    for (const AuditEntry &a : batch.audit) {
        if (!error.isEmpty())
            break;
        for (const QVariant &v : {QVariant(a.timeMs), QVariant(a.user), QVariant(a.role), QVariant(a.object),
                                  QVariant(a.oldValue), QVariant(a.newValue), QVariant(a.reason)})
            audit.addBindValue(v);
        if (!audit.exec())
            error = audit.lastError().text();
    }
    QSqlQuery event(m_db);
    event.prepare(QStringLiteral("INSERT INTO events (t_ms, kind, text) VALUES (?,?,?)"));
    for (const RunEvent &e : batch.events) {
        if (!error.isEmpty())
            break;
        event.addBindValue(e.timeMs);
        event.addBindValue(e.kind);
        event.addBindValue(e.text);
        if (!event.exec())
            error = event.lastError().text();
    }
    if (error.isEmpty() && m_db.commit())
        return {};
    if (error.isEmpty())
        error = m_db.lastError().text();
    m_db.rollback();
    m_channelIds.clear(); // ids inserted in the rolled-back transaction are gone
    return error;
}

qint64 RunWriter::channelId(const QString &name, const QString &unit, QString *error)
{
    const auto it = m_channelIds.constFind(name);
    if (it != m_channelIds.cend())
        return *it;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT OR IGNORE INTO channels (name, unit) VALUES (?, ?)"));
    query.addBindValue(name);
    query.addBindValue(unit);
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
    flush();
    {
        QSqlQuery checkpoint(m_db);
        checkpoint.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    }
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
    qCInfo(lcRecorder) << "closed" << m_path << "after" << m_committed << "readings";
}
