#pragma once
// A scoped read-only SQLite connection to a run file, removed again when done, so readers (export, verify,
// opening a past run) can run on any thread, several at once.
#include <QSqlDatabase>
#include <QString>

class ReadOnlyRunFile
{
public:
    explicit ReadOnlyRunFile(const QString &path);
    ~ReadOnlyRunFile();
    ReadOnlyRunFile(const ReadOnlyRunFile &) = delete;
    ReadOnlyRunFile &operator=(const ReadOnlyRunFile &) = delete;

    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    // Empty when open; otherwise says which file and why.
    QString error() const { return m_error; }

private:
    QString m_name;
    QString m_error;
};
