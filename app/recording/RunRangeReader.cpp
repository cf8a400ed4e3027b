#include "RunRangeReader.h"

#include "ReadOnlyRunFile.h"
#include "Reading.h"
#include "SqliteStatement.h"

#include <QSqlQuery>
#include <QtNumeric>

#include <cmath>

RunRangeReader::Result RunRangeReader::read(const QString &runFile, const QString &channel, double fromSec,
                                            double toSec, int maxPoints)
{
    Result result;
    ReadOnlyRunFile run(runFile);
    if (!run.error().isEmpty()) {
        result.error = run.error();
        return result;
    }
    QSqlDatabase db = run.db();
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT id FROM channels WHERE name = ?"));
    query.addBindValue(channel);
    if (!query.exec() || !query.next())
        return result; // nothing recorded for it yet
    const qint64 id = query.value(0).toLongLong();
    query.finish();
    SqliteStatement readings;
    // One point beyond each edge of the span, as the plot draws lines to its borders.
    const QByteArray sql =
        QStringLiteral("SELECT t_ms, value, quality FROM readings WHERE channel_id = %1 AND "
                       "t_ms BETWEEN %2 AND %3 ORDER BY t_ms LIMIT %4")
            .arg(id)
            .arg(qint64(std::floor(fromSec * 1000)))
            .arg(qint64(std::ceil(toSec * 1000)))
            .arg(maxPoints + 1)
            .toUtf8();
    result.error = readings.prepare(SqliteStatement::handleOf(db), sql.constData());
    while (result.error.isEmpty() && readings.next()) {
        result.keys.append(readings.int64At(0) / 1000.0);
        result.values.append(Quality(readings.int64At(2)) == Quality::Bad || readings.isNullAt(1)
                                 ? qQNaN()
                                 : readings.doubleAt(1));
    }
    if (result.error.isEmpty())
        result.error = readings.error();
    if (result.keys.size() > maxPoints) {
        result.tooMany = true;
        result.keys.clear();
        result.values.clear();
    }
    return result;
}
