#pragma once
// The layout of a run file (one SQLite database per run) and the pragmas it is written with.
#include <QSqlDatabase>
#include <QString>

namespace RunSchema {
constexpr int version = 1;
// Creates the tables when missing; returns an error text, empty on success.
QString create(QSqlDatabase &db);
// WAL journal, full sync of each commit (on the writer thread, never on the GUI thread).
QString configureForWriting(QSqlDatabase &db);
} // namespace RunSchema
