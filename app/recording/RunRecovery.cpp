#include "RunRecovery.h"

#include "RunSchema.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLockFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("RunRecovery", text);
}

QString isoUtc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QString setInfo(QSqlDatabase &db, const QString &key, const QString &value)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO run_info (key, value) VALUES (?, ?)"));
    query.addBindValue(key);
    query.addBindValue(value);
    return query.exec() ? QString() : query.lastError().text();
}
} // namespace

QString RunRecovery::lockFilePath(const QString &runFile)
{
    return runFile + QStringLiteral(".lock");
}

bool RunRecovery::isFinished(QSqlDatabase &db)
{
    QSqlQuery query(db);
    return query.exec(QStringLiteral("SELECT 1 FROM run_info WHERE key = 'finished_utc'")) && query.next();
}

qint64 RunRecovery::lastCommittedMs(QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT MAX(t) FROM (SELECT MAX(t_ms) AS t FROM readings UNION ALL "
                                   "SELECT MAX(t_ms) FROM events UNION ALL SELECT MAX(t_ms) FROM audit)")) ||
        !query.next())
        return 0;
    return query.value(0).toLongLong();
}

QString RunRecovery::markGap(QSqlDatabase &db, qint64 nowMs, Outcome *outcome)
{
    const qint64 from = lastCommittedMs(db);
    if (from <= 0)
        return {}; // nothing was recorded: no timeline to mark
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT INTO events (t_ms, kind, text, end_ms) VALUES (?, 'gap', ?, ?)"));
    query.addBindValue(from);
    query.addBindValue(tr("recording interrupted (not closed cleanly) from %1 to %2")
                           .arg(isoUtc(from), isoUtc(std::max(from, nowMs))));
    query.addBindValue(std::max(from, nowMs));
    if (!query.exec())
        return query.lastError().text();
    const QString error = setInfo(db, QStringLiteral("recovered_utc"), isoUtc(nowMs));
    if (error.isEmpty() && outcome) {
        outcome->recovered = true;
        outcome->gapFromMs = from;
        outcome->gapToMs = std::max(from, nowMs);
    }
    return error;
}

QString RunRecovery::markFinished(QSqlDatabase &db, qint64 endMs)
{
    return setInfo(db, QStringLiteral("finished_utc"), isoUtc(endMs));
}

RunRecovery::Outcome RunRecovery::recoverFile(const QString &runFile, qint64 nowMs)
{
    Outcome outcome;
    outcome.path = runFile;
    QLockFile lock(lockFilePath(runFile));
    lock.setStaleLockTime(0); // stale only when its process is gone, however old: runs last for weeks
    if (!lock.tryLock(0))
        return outcome; // a live writer holds it (a stale lock of a dead process is taken over)
    const QString connection =
        QStringLiteral("recovery-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(runFile);
        if (!db.open()) {
            outcome.error = tr("cannot open run file %1: %2").arg(runFile, db.lastError().text());
        } else if (!isFinished(db)) {
            QString error = RunSchema::configureForWriting(db);
            if (error.isEmpty() && !db.transaction())
                error = db.lastError().text();
            if (error.isEmpty())
                error = markGap(db, nowMs, &outcome);
            if (error.isEmpty())
                error = markFinished(db, lastCommittedMs(db));
            if (error.isEmpty() && !db.commit())
                error = db.lastError().text();
            if (!error.isEmpty()) {
                db.rollback();
                outcome.recovered = false;
                outcome.error = tr("cannot recover run file %1: %2").arg(runFile, error);
            }
            QSqlQuery(db).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return outcome;
}

QList<RunRecovery::Outcome> RunRecovery::recoverFolder(const QString &folder, qint64 nowMs,
                                                       const QString &skip)
{
    QList<Outcome> outcomes;
    const QString skipPath = skip.isEmpty() ? QString() : QFileInfo(skip).absoluteFilePath();
    const QFileInfoList files =
        QDir(folder).entryInfoList({QStringLiteral("*.rdrun")}, QDir::Files, QDir::Name);
    for (const QFileInfo &file : files) {
        if (file.absoluteFilePath() == skipPath)
            continue;
        outcomes.append(recoverFile(file.absoluteFilePath(), nowMs));
    }
    return outcomes;
}
