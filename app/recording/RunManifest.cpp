#include "RunManifest.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QSqlQuery>
#include <QVariant>

#include <limits>

namespace {
QString isoUtc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QJsonValue timeOrNull(qint64 ms, bool set)
{
    return set ? QJsonValue(isoUtc(ms)) : QJsonValue();
}

QJsonArray gaps(QSqlDatabase &db)
{
    QJsonArray list;
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT t_ms, end_ms, text FROM events WHERE kind = 'gap' ORDER BY t_ms")))
        return list;
    while (query.next())
        list.append(QJsonObject{{QStringLiteral("from"), isoUtc(query.value(0).toLongLong())},
                                {QStringLiteral("to"), query.value(1).isNull()
                                                           ? QJsonValue()
                                                           : QJsonValue(isoUtc(query.value(1).toLongLong()))},
                                {QStringLiteral("text"), query.value(2).toString()}});
    return list;
}
} // namespace

QJsonObject RunManifest::build(QSqlDatabase &db, const QList<RunChannel> &channels,
                               const ExportRequest &request, const ReadingsCsvExport::Outcome &readings,
                               const QStringList &files)
{
    QHash<QString, QString> info;
    QSqlQuery query(db);
    if (query.exec(QStringLiteral("SELECT key, value FROM run_info")))
        while (query.next())
            info.insert(query.value(0).toString(), query.value(1).toString());
    qint64 firstMs = 0, lastMs = 0;
    const bool hasReadings =
        query.exec(QStringLiteral("SELECT MIN(t_ms), MAX(t_ms), COUNT(*) FROM readings")) && query.next() &&
        query.value(2).toLongLong() > 0;
    if (hasReadings) {
        firstMs = query.value(0).toLongLong();
        lastMs = query.value(1).toLongLong();
    }

    QJsonArray channelList;
    for (const RunChannel &channel : channels) {
        QJsonObject entry{{QStringLiteral("name"), channel.info.name},
                          {QStringLiteral("unit"), channel.info.unit},
                          {QStringLiteral("label"), channel.info.label}};
        entry.insert(QStringLiteral("range"),
                     channel.hasRange ? QJsonValue(QJsonObject{{QStringLiteral("min"), channel.info.minimum},
                                                               {QStringLiteral("max"), channel.info.maximum}})
                                      : QJsonValue());
        const ReadingsCsvExport::ChannelStats stats = readings.stats.value(channel.id);
        entry.insert(QStringLiteral("observed"),
                     stats.count > 0 ? QJsonValue(QJsonObject{{QStringLiteral("min"), stats.minimum},
                                                              {QStringLiteral("max"), stats.maximum},
                                                              {QStringLiteral("count"), stats.count}})
                                     : QJsonValue());
        channelList.append(entry);
    }
    QJsonArray fileList;
    for (const QString &file : files)
        fileList.append(QFileInfo(file).fileName());

    const bool anyFrom = request.fromMs != std::numeric_limits<qint64>::min();
    const bool anyTo = request.toMs != std::numeric_limits<qint64>::max();
    QJsonObject exportInfo{
        {QStringLiteral("exported_utc"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("software_version"), QStringLiteral(REACTORDESK_VERSION)},
        {QStringLiteral("layout"),
         request.layout == ExportRequest::Layout::Wide ? QStringLiteral("wide") : QStringLiteral("long")},
        {QStringLiteral("from"), timeOrNull(request.fromMs, anyFrom)},
        {QStringLiteral("to"), timeOrNull(request.toMs, anyTo)},
        {QStringLiteral("resample_s"),
         request.resampleMs > 0 ? QJsonValue(request.resampleMs / 1000.0) : QJsonValue()},
        {QStringLiteral("resample_method"),
         request.resampleMs > 0
             ? QJsonValue(request.resample == ExportRequest::Resample::Mean ? QStringLiteral("mean")
                                                                            : QStringLiteral("last"))
             : QJsonValue()},
        {QStringLiteral("readings"), readings.readings},
        {QStringLiteral("rows"), readings.rows},
        {QStringLiteral("first_reading_utc"), timeOrNull(readings.firstMs, readings.readings > 0)},
        {QStringLiteral("last_reading_utc"), timeOrNull(readings.lastMs, readings.readings > 0)},
        {QStringLiteral("files"), fileList},
    };
    const QString start =
        info.value(QStringLiteral("started_utc"), hasReadings ? isoUtc(firstMs) : QString());
    const QString end = info.value(QStringLiteral("finished_utc"), hasReadings ? isoUtc(lastMs) : QString());
    return QJsonObject{
        {QStringLiteral("run_id"), info.value(QStringLiteral("run_id"))},
        {QStringLiteral("station"), info.value(QStringLiteral("station"))},
        {QStringLiteral("operator"), info.value(QStringLiteral("operator"))},
        {QStringLiteral("start_utc"), start},
        {QStringLiteral("end_utc"), end},
        {QStringLiteral("finished_cleanly"),
         info.contains(QStringLiteral("finished_utc")) && !info.contains(QStringLiteral("recovered_utc"))},
        {QStringLiteral("software_version"), info.value(QStringLiteral("software_version"))},
        {QStringLiteral("schema_version"), info.value(QStringLiteral("schema_version")).toInt()},
        {QStringLiteral("channels"), channelList},
        {QStringLiteral("gaps"), gaps(db)},
        {QStringLiteral("export"), exportInfo},
    };
}
