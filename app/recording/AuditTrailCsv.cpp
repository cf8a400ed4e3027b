#include "AuditTrailCsv.h"

#include "CsvWriter.h"
#include "UtcTimeText.h"

#include <QSqlError>
#include <QSqlQuery>

QString AuditTrailCsv::writeAudit(QSqlDatabase &db, QIODevice *out)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT id, t_ms, user, role, object, old_value, new_value, reason, hash "
                                   "FROM audit ORDER BY id")))
        return query.lastError().text();
    CsvWriter csv(out);
    for (const char *name :
         {"id", "time_utc", "user", "role", "object", "old_value", "new_value", "reason", "hash_sha256"})
        csv.addPlainField(name);
    csv.endRow();
    UtcTimeText times;
    while (query.next()) {
        csv.addPlainField(QByteArray::number(query.value(0).toLongLong()));
        csv.addPlainField(times.text(query.value(1).toLongLong()));
        for (int i = 2; i <= 7; ++i)
            csv.addField(query.value(i).toString());
        csv.addPlainField(query.value(8).toByteArray().toHex());
        csv.endRow();
    }
    return csv.flush() ? QString() : out->errorString();
}

QString AuditTrailCsv::writeEvents(QSqlDatabase &db, QIODevice *out)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT t_ms, end_ms, kind, text FROM events ORDER BY t_ms")))
        return query.lastError().text();
    CsvWriter csv(out);
    for (const char *name : {"time_utc", "end_utc", "kind", "text"})
        csv.addPlainField(name);
    csv.endRow();
    UtcTimeText times;
    while (query.next()) {
        csv.addPlainField(times.text(query.value(0).toLongLong()));
        csv.addPlainField(query.value(1).isNull() ? QByteArray() : times.text(query.value(1).toLongLong()));
        csv.addField(query.value(2).toString());
        csv.addField(query.value(3).toString());
        csv.endRow();
    }
    return csv.flush() ? QString() : out->errorString();
}
