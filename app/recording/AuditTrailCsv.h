#pragma once
// The audit trail and the run events of a run file as CSV. Audit: id, time_utc, user, role, object,
// old_value, new_value, reason, hash (hex SHA-256 of the chain). Events: time_utc, end_utc, kind, text.
#include <QIODevice>
#include <QSqlDatabase>

namespace AuditTrailCsv {
// Each returns an error text, empty on success.
QString writeAudit(QSqlDatabase &db, QIODevice *out);
QString writeEvents(QSqlDatabase &db, QIODevice *out);
} // namespace AuditTrailCsv
