#include "SqliteStatement.h"

#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

SqliteStatement::~SqliteStatement()
{
    finalize();
}

sqlite3 *SqliteStatement::handleOf(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

QString SqliteStatement::prepare(sqlite3 *db, const char *sql)
{
    finalize();
    m_db = db;
    if (!db)
        return QStringLiteral("not an SQLite connection");
    if (sqlite3_prepare_v2(db, sql, -1, &m_statement, nullptr) != SQLITE_OK) {
        const QString error = QString::fromUtf8(sqlite3_errmsg(db));
        finalize();
        return error;
    }
    return {};
}

void SqliteStatement::finalize()
{
    if (m_statement)
        sqlite3_finalize(m_statement);
    m_statement = nullptr;
}

void SqliteStatement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_statement, index, value);
}

void SqliteStatement::bind(int index, double value)
{
    sqlite3_bind_double(m_statement, index, value);
}

QString SqliteStatement::execute()
{
    m_lastResult = sqlite3_step(m_statement);
    sqlite3_reset(m_statement);
    return m_lastResult == SQLITE_DONE ? QString() : error();
}

bool SqliteStatement::next()
{
    m_lastResult = sqlite3_step(m_statement);
    return m_lastResult == SQLITE_ROW;
}

QString SqliteStatement::error() const
{
    if (m_lastResult == SQLITE_DONE || m_lastResult == SQLITE_ROW || m_lastResult == SQLITE_OK)
        return {};
    return QString::fromUtf8(m_db ? sqlite3_errmsg(m_db) : "no statement");
}

qint64 SqliteStatement::int64At(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

double SqliteStatement::doubleAt(int column) const
{
    return sqlite3_column_double(m_statement, column);
}

bool SqliteStatement::isNullAt(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}
