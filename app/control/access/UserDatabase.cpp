#include "UserDatabase.h"

#include "AccessLog.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>

namespace {
struct Column
{
    const char *name;
    const char *definition;
};
// Columns added after the first version of the store; old files get them with these defaults.
constexpr Column laterColumns[] = {
    {"must_change_password", "INTEGER NOT NULL DEFAULT 0"},
    {"disabled", "INTEGER NOT NULL DEFAULT 0"},
    {"last_sign_in_ms", "INTEGER NOT NULL DEFAULT 0"},
};
} // namespace

UserDatabase::UserDatabase(const QString &path)
    : m_name(QStringLiteral("rd_users_") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=2000"));
    if (!db.open()) {
        m_error = QCoreApplication::translate("UserStore", "cannot open the user store %1: %2")
                      .arg(path, db.lastError().text());
        qCWarning(lcAccess).noquote() << m_error;
        return;
    }
    QSqlQuery query(db);
    // WAL with synchronous=NORMAL: a commit does not wait for fsync.
    query.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    query.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
    if (!query.exec(
            QStringLiteral("CREATE TABLE IF NOT EXISTS users (name TEXT PRIMARY KEY NOT NULL, "
                           "role TEXT NOT NULL, password_hash TEXT NOT NULL, "
                           "failed_attempts INTEGER NOT NULL DEFAULT 0, "
                           "locked_until_ms INTEGER NOT NULL DEFAULT 0, created_ms INTEGER NOT NULL)"))) {
        m_error = QCoreApplication::translate("UserStore", "cannot create the users table in %1: %2")
                      .arg(path, query.lastError().text());
        qCWarning(lcAccess).noquote() << m_error;
        return;
    }
    addMissingColumns(path);
}

void UserDatabase::addMissingColumns(const QString &path)
{
    QSqlDatabase database = db();
    for (const Column &column : laterColumns) {
        const QString name = QString::fromLatin1(column.name);
        if (database.record(QStringLiteral("users")).contains(name))
            continue;
        qCInfo(lcAccess) << "upgrading the user store" << path << ": adding" << name;
        QSqlQuery alter(database);
        // Two connections may upgrade the same old file at once: the loser's ALTER fails, the column exists.
        if (!alter.exec(QStringLiteral("ALTER TABLE users ADD COLUMN %1 %2")
                            .arg(name, QString::fromLatin1(column.definition))) &&
            !database.record(QStringLiteral("users")).contains(name)) {
            m_error =
                QCoreApplication::translate("UserStore", "cannot add the column %1 to the user store %2: %3")
                    .arg(name, path, alter.lastError().text());
            qCWarning(lcAccess).noquote() << m_error;
            return;
        }
    }
}

UserDatabase::~UserDatabase()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}
