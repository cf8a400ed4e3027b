#pragma once
// The layout of a run file (one SQLite database per run) and the pragmas it is written with.
//
// Version 2 adds: per-channel label and range, an end time on events (gaps), a SHA-256 hash chain on the
// audit table with triggers that refuse UPDATE and DELETE, and the run_info keys "finished_utc" (written on a
// clean close) and "recovered_utc" (written when an unfinished run was recovered).
#include <QSqlDatabase>
#include <QString>

namespace RunSchema {
constexpr int version = 2;
// Creates the tables and triggers when missing; returns an error text, empty on success.
QString create(QSqlDatabase &db);
// WAL journal, full sync of each commit (on the writer thread, never on the GUI thread).
QString configureForWriting(QSqlDatabase &db);
// The triggers that make the audit table append-only; verify checks they are still there.
QStringList auditTriggerNames();
} // namespace RunSchema
