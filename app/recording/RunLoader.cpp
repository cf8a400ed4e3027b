#include "RunLoader.h"

#include "ReadOnlyRunFile.h"
#include "RunChannelTable.h"
#include "SampleStore.h"
#include "SqliteStatement.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QtNumeric>

#include <algorithm>

RunLoader::Result RunLoader::load(const QString &runFile, const std::function<bool(qint64, qint64)> &progress)
{
    Result result;
    ReadOnlyRunFile run(runFile);
    if (!run.error().isEmpty()) {
        result.error = run.error();
        return result;
    }
    QSqlDatabase db = run.db();
    QString error;
    const QList<RunChannel> channels = RunChannelTable::load(db, &error);
    if (!error.isEmpty()) {
        result.error = QCoreApplication::translate("RunLoader", "cannot read %1: %2").arg(runFile, error);
        return result;
    }
    QHash<qint64, RunChannel> byId;
    for (const RunChannel &channel : channels) {
        byId.insert(channel.id, channel);
        result.channels.append(channel.info);
    }
    QSqlQuery query(db);
    query.setForwardOnly(true);
    qint64 total = 0;
    if (query.exec(QStringLiteral("SELECT COUNT(*) FROM readings")) && query.next())
        total = query.value(0).toLongLong();
    query.finish();
    SqliteStatement readings;
    error = readings.prepare(SqliteStatement::handleOf(db),
                             "SELECT t_ms, channel_id, value, quality FROM readings ORDER BY t_ms");
    if (!error.isEmpty()) {
        result.error = QCoreApplication::translate("RunLoader", "cannot read %1: %2").arg(runFile, error);
        return result;
    }
    result.store = std::make_unique<SampleStore>();
    QHash<qint64, Reading> templates; // channel and unit strings shared by every reading of a channel
    for (const RunChannel &channel : channels)
        templates.insert(channel.id, Reading{channel.info.name, 0, 0.0, channel.info.unit, Quality::Good});
    while (readings.next()) {
        const auto it = templates.find(readings.int64At(1));
        if (it == templates.end())
            continue;
        it->sourceTimeMs = readings.int64At(0);
        it->value = readings.isNullAt(2) ? qQNaN() : readings.doubleAt(2);
        it->quality = Quality(std::clamp<qint64>(readings.int64At(3), 0, 2));
        result.store->append(*it);
        if (++result.readings % 65536 == 0 && progress && !progress(result.readings, total)) {
            result.store.reset();
            result.error = QCoreApplication::translate("RunLoader", "opening %1 was cancelled").arg(runFile);
            return result;
        }
    }
    return result;
}
