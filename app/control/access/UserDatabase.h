#pragma once
// One SQLite connection to the user store for one call, opened on the calling thread and removed when the
// call ends (so UserStore can be used from the thread pool). Opening creates the users table and brings a
// store written by an older version up to date: columns added later (must_change_password, disabled,
// last_sign_in_ms) are added with defaults, so old files keep every account.
#include <QSqlDatabase>
#include <QString>

class UserDatabase
{
public:
    explicit UserDatabase(const QString &path);
    ~UserDatabase();
    UserDatabase(const UserDatabase &) = delete;
    UserDatabase &operator=(const UserDatabase &) = delete;

    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    // Empty when the store is open and up to date; otherwise names the file and what failed.
    QString error() const { return m_error; }

private:
    void addMissingColumns(const QString &path);

    QString m_name;
    QString m_error;
};
