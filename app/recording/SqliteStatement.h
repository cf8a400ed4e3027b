#pragma once
// A prepared statement on the raw SQLite handle of a QSqlDatabase connection, for the two hot paths (the
// writer inserting readings, exports reading them back): QSqlQuery's QVariant per value costs several
// times more than the work itself. Same connection, same transactions; finalized when destroyed.
#include <QSqlDatabase>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;

class SqliteStatement
{
public:
    SqliteStatement() = default;
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    // The connection's sqlite3 handle, null when it is not a QSQLITE connection.
    static sqlite3 *handleOf(const QSqlDatabase &db);
    // Returns an error text, empty on success.
    QString prepare(sqlite3 *db, const char *sql);
    void finalize();
    bool isPrepared() const { return m_statement != nullptr; }

    void bind(int index, qint64 value);
    void bind(int index, double value);
    // Runs an insert (and resets for the next one); returns an error text, empty on success.
    QString execute();
    // Steps a query: true while there is a row.
    bool next();
    QString error() const;
    qint64 int64At(int column) const;
    double doubleAt(int column) const;
    bool isNullAt(int column) const;

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    int m_lastResult = 0;
};
