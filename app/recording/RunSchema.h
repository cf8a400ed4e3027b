#pragma once
// The layout of a run file (one SQLite database per run) and the pragmas it is written with.
//
// Version 2 adds: per-channel label and range, an end time on events (gaps), a SHA-256 hash chain on the
// audit table with triggers that refuse UPDATE and DELETE, and the run_info keys "finished_utc" (written on a
// clean close) and "recovered_utc" (written when an unfinished run was recovered).
//
// Version 3 stores readings clustered by time: a WITHOUT ROWID table keyed by (t_ms, channel_id, seq), so
// the time index is the table itself (one B-tree per insert instead of two). seq is the writer's running
// count of readings (run_info "next_reading_seq"), which keeps two readings of one channel in the same
// millisecond apart. Version-2 files (rowid table + index readings_by_time) are still read, recovered,
// verified, exported and continued; every reader selects readings by column name and orders by
// (t_ms, channel_id), which both layouts serve from an index.
#include <QSqlDatabase>
#include <QString>

namespace RunSchema {
constexpr int version = 3;
// The version a run file was created with ("schema_version" in run_info), 0 when it has none.
int versionOf(const QSqlDatabase &db);
// Creates the tables and triggers when missing; returns an error text, empty on success.
QString create(QSqlDatabase &db);
// WAL journal, full sync of each commit (on the writer thread, never on the GUI thread), larger pages
// and cache for the append-heavy readings table.
QString configureForWriting(QSqlDatabase &db);
// The triggers that make the audit table append-only; verify checks they are still there.
QStringList auditTriggerNames();
} // namespace RunSchema
