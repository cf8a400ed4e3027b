#include "RunVerifier.h"

#include "AuditChain.h"
#include "RunSchema.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("RunVerifier", text);
}

RunVerifier::Report check(QSqlDatabase &db, const QString &runFile)
{
    RunVerifier::Report report;
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA integrity_check"))) {
        report.problem = tr("%1: integrity check failed: %2").arg(runFile, query.lastError().text());
        return report;
    }
    QStringList messages;
    while (query.next())
        messages << query.value(0).toString();
    if (messages != QStringList{QStringLiteral("ok")}) {
        report.problem =
            tr("%1: integrity check failed: %2").arg(runFile, messages.join(QStringLiteral("; ")));
        return report;
    }
    for (const QString &trigger : RunSchema::auditTriggerNames()) {
        query.prepare(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = ?"));
        query.addBindValue(trigger);
        if (!query.exec() || !query.next()) {
            report.problem =
                tr("%1: the audit trail is not protected: trigger %2 is missing").arg(runFile, trigger);
            return report;
        }
    }
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT id, t_ms, user, role, object, old_value, new_value, reason, hash, "
                                   "typeof(t_ms) || typeof(user) || typeof(role) || typeof(object) || "
                                   "typeof(old_value) || typeof(new_value) || typeof(reason) || typeof(hash) "
                                   "FROM audit ORDER BY id"))) {
        report.problem = tr("%1 is not a ReactorDesk run file: %2").arg(runFile, query.lastError().text());
        return report;
    }
    const QString types = QStringLiteral("integertexttexttexttexttexttextblob");
    QByteArray previous = AuditChain::genesis();
    qint64 expectedId = 1;
    while (query.next()) {
        const qint64 id = query.value(0).toLongLong();
        AuditEntry entry;
        entry.timeMs = query.value(1).toLongLong();
        entry.user = query.value(2).toString();
        entry.role = query.value(3).toString();
        entry.object = query.value(4).toString();
        entry.oldValue = query.value(5).toString();
        entry.newValue = query.value(6).toString();
        entry.reason = query.value(7).toString();
        const QByteArray expected = AuditChain::rowHash(previous, id, entry);
        // A row must be the next id and its stored hash must match; a field stored with another type than
        // the writer's was rewritten (the hash covers the values, not their SQLite types).
        if (id != expectedId || query.value(8).toByteArray() != expected ||
            query.value(9).toString() != types) {
            report.firstBadRow = id != expectedId ? std::min(id, expectedId) : id;
            report.problem =
                id != expectedId
                    ? tr("%1: audit row %2 is missing (next row found: %3)")
                          .arg(runFile)
                          .arg(expectedId)
                          .arg(id)
                    : tr("%1: audit row %2 does not verify: its hash does not match").arg(runFile).arg(id);
            return report;
        }
        previous = expected;
        ++expectedId;
        ++report.auditRows;
    }
    // Rows cut off the end leave the AUTOINCREMENT high-water mark behind.
    if (query.exec(QStringLiteral("SELECT seq FROM sqlite_sequence WHERE name = 'audit'")) && query.next() &&
        query.value(0).toLongLong() >= expectedId) {
        report.firstBadRow = expectedId;
        report.problem = tr("%1: audit row %2 is missing: rows up to %3 were written, the trail ends at %4")
                             .arg(runFile)
                             .arg(expectedId)
                             .arg(query.value(0).toLongLong())
                             .arg(expectedId - 1);
        return report;
    }
    report.ok = true;
    return report;
}
} // namespace

RunVerifier::Report RunVerifier::verify(const QString &runFile)
{
    if (!QFileInfo(runFile).isFile()) {
        Report report;
        report.problem = tr("run file %1 does not exist").arg(runFile);
        return report;
    }
    const QString connection = QStringLiteral("verify-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    Report report;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(runFile);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open())
            report.problem = tr("cannot open run file %1: %2").arg(runFile, db.lastError().text());
        else
            report = check(db, runFile);
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return report;
}
