#include "RunSchema.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace {
QString exec(QSqlDatabase &db, const QString &statement)
{
    QSqlQuery query(db);
    if (!query.exec(statement))
        return query.lastError().text() + QStringLiteral(" [") + statement.left(60) + QLatin1Char(']');
    return {};
}
} // namespace

QString RunSchema::configureForWriting(QSqlDatabase &db)
{
    // page_size only takes effect on a new, empty file (before WAL is switched on); an existing file keeps
    // its own. The checkpoint interval does not change durability (every commit is synced to the WAL); a
    // larger one syncs the database file less often.
    for (const char *pragma :
         {"PRAGMA page_size=8192", "PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL",
          "PRAGMA foreign_keys=ON", "PRAGMA cache_size=-16384", "PRAGMA wal_autocheckpoint=4096"}) {
        const QString error = exec(db, QString::fromLatin1(pragma));
        if (!error.isEmpty())
            return error;
    }
    return {};
}

int RunSchema::versionOf(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (query.exec(QStringLiteral("SELECT value FROM run_info WHERE key = 'schema_version'")) && query.next())
        return query.value(0).toInt();
    return 0;
}

QStringList RunSchema::auditTriggerNames()
{
    return {QStringLiteral("audit_refuses_update"), QStringLiteral("audit_refuses_delete")};
}

QString RunSchema::create(QSqlDatabase &db)
{
    const char *statements[] = {
        "CREATE TABLE IF NOT EXISTS run_info (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS channels (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, "
        "unit TEXT NOT NULL, label TEXT, minimum REAL, maximum REAL)",
        // An existing version-2 file keeps its rowid table and readings_by_time index.
        "CREATE TABLE IF NOT EXISTS readings (t_ms INTEGER NOT NULL, channel_id INTEGER NOT NULL "
        "REFERENCES channels(id), seq INTEGER NOT NULL, value REAL, " // NULL: not a number (NaN)
        "quality INTEGER NOT NULL, PRIMARY KEY (t_ms, channel_id, seq)) WITHOUT ROWID",
        "CREATE TABLE IF NOT EXISTS events (t_ms INTEGER NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL, "
        "end_ms INTEGER)",
        // hash = SHA-256 over the previous row's hash and this row's fields (AuditChain); the first row
        // chains to 32 zero bytes.
        "CREATE TABLE IF NOT EXISTS audit (id INTEGER PRIMARY KEY AUTOINCREMENT, t_ms INTEGER NOT NULL, "
        "user TEXT NOT NULL, role TEXT NOT NULL, object TEXT NOT NULL, old_value TEXT NOT NULL, "
        "new_value TEXT NOT NULL, reason TEXT NOT NULL, hash BLOB NOT NULL)",
        "CREATE TRIGGER IF NOT EXISTS audit_refuses_update BEFORE UPDATE ON audit "
        "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END",
        "CREATE TRIGGER IF NOT EXISTS audit_refuses_delete BEFORE DELETE ON audit "
        "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END",
    };
    for (const char *statement : statements) {
        const QString error = exec(db, QString::fromLatin1(statement));
        if (!error.isEmpty())
            return error;
    }
    return exec(
        db, QStringLiteral("INSERT OR IGNORE INTO run_info VALUES ('schema_version', '%1')").arg(version));
}
