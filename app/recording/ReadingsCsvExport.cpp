#include "ReadingsCsvExport.h"

#include "CsvWriter.h"
#include "Reading.h"
#include "SqliteStatement.h"
#include "UtcTimeText.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QtNumeric>

#include <algorithm>
#include <vector>

namespace {
constexpr qint64 progressEvery = 1 << 15;

// The value of one wide-layout cell over a resampling interval (or a single timestamp).
struct Cell
{
    double sum = 0.0;
    int count = 0;
    double last = 0.0;
    bool hasLast = false;
};

QByteArray elapsedHours(qint64 ms, qint64 startMs)
{
    return QByteArray::number((ms - startMs) / 3600000.0, 'f', 7);
}

qint64 bucketOf(qint64 t, qint64 interval)
{
    if (interval <= 0)
        return t;
    return (t >= 0 ? t / interval : (t - interval + 1) / interval) * interval;
}
} // namespace

ReadingsCsvExport::Outcome ReadingsCsvExport::write(QSqlDatabase &db, const QList<RunChannel> &channels,
                                                    const ExportRequest &request, qint64 runStartMs,
                                                    QIODevice *out)
{
    Outcome outcome;
    const bool wide = request.layout == ExportRequest::Layout::Wide;
    // Channel ids are small row ids: a vector maps them to columns without hashing per reading.
    std::vector<int> columnOf;
    QStringList ids;
    for (int i = 0; i < channels.size(); ++i) {
        const qint64 id = channels.at(i).id;
        if (id >= 0 && id < (1 << 20)) {
            columnOf.resize(std::max<std::size_t>(columnOf.size(), std::size_t(id) + 1), -1);
            columnOf[std::size_t(id)] = i;
        }
        ids << QString::number(id);
    }
    std::vector<ChannelStats> stats(channels.size());
    const QString where = QStringLiteral(" WHERE t_ms BETWEEN %1 AND %2 AND channel_id IN (%3)")
                              .arg(request.fromMs)
                              .arg(request.toMs)
                              .arg(ids.join(QLatin1Char(',')));
    QSqlQuery query(db);
    query.setForwardOnly(true);
    qint64 total = 0;
    if (request.progress && query.exec(QStringLiteral("SELECT COUNT(*) FROM readings") + where) &&
        query.next())
        total = query.value(0).toLongLong();

    CsvWriter csv(out);
    csv.addPlainField("time_utc");
    csv.addPlainField("elapsed_h");
    if (wide) {
        for (const RunChannel &channel : channels)
            csv.addField(QStringLiteral("%1 [%2]").arg(channel.info.name, channel.info.unit));
    } else {
        for (const char *name : {"channel", "value", "unit", "quality"})
            csv.addPlainField(name);
    }
    csv.endRow();

    query.finish();
    SqliteStatement readings;
    outcome.error =
        readings.prepare(SqliteStatement::handleOf(db),
                         (QStringLiteral("SELECT t_ms, channel_id, value, quality FROM readings") + where +
                          QStringLiteral(" ORDER BY t_ms, channel_id"))
                             .toUtf8()
                             .constData());
    if (!outcome.error.isEmpty())
        return outcome;
    UtcTimeText times;
    QByteArray timeText;
    std::vector<QByteArray> names, units;
    for (const RunChannel &channel : channels) {
        names.push_back(CsvWriter::quoted(channel.info.name).toUtf8());
        units.push_back(CsvWriter::quoted(channel.info.unit).toUtf8());
    }
    const QByteArray qualityNames[] = {"Good", "Uncertain", "Bad"};
    std::vector<Cell> row(channels.size());
    qint64 rowTime = 0;
    bool rowOpen = false;
    auto flushWideRow = [&] {
        timeText.clear();
        times.append(rowTime, timeText);
        csv.addPlainField(timeText);
        csv.addPlainField(elapsedHours(rowTime, runStartMs));
        for (Cell &cell : row) {
            if (request.resampleMs > 0 && request.resample == ExportRequest::Resample::Mean && cell.count > 0)
                csv.addNumber(cell.sum / cell.count);
            else if ((request.resampleMs <= 0 || request.resample == ExportRequest::Resample::Last) &&
                     cell.hasLast)
                csv.addNumber(cell.last);
            else
                csv.addPlainField(QByteArray());
            cell = Cell();
        }
        csv.endRow();
        ++outcome.rows;
    };

    while (readings.next()) {
        const qint64 t = readings.int64At(0);
        const qint64 id = readings.int64At(1);
        const bool isNumber = !readings.isNullAt(2); // NaN is stored as NULL
        const double value = isNumber ? readings.doubleAt(2) : qQNaN();
        const int quality = int(std::clamp<qint64>(readings.int64At(3), 0, 2));
        const int column = id >= 0 && std::size_t(id) < columnOf.size() ? columnOf[std::size_t(id)] : -1;
        if (column < 0)
            continue;
        ChannelStats &channelStats = stats[std::size_t(column)];
        if (isNumber && (channelStats.count == 0 || value < channelStats.minimum))
            channelStats.minimum = value;
        if (isNumber && (channelStats.count == 0 || value > channelStats.maximum))
            channelStats.maximum = value;
        channelStats.count += isNumber ? 1 : 0;
        if (outcome.readings == 0)
            outcome.firstMs = t;
        outcome.lastMs = t;
        if (wide) {
            const qint64 bucket = bucketOf(t, request.resampleMs);
            if (rowOpen && bucket != rowTime)
                flushWideRow();
            rowOpen = true;
            rowTime = bucket;
            Cell &cell = row[column];
            if (Quality(quality) != Quality::Bad && isNumber) {
                cell.sum += value;
                ++cell.count;
            }
            cell.last = value;
            cell.hasLast = isNumber;
        } else {
            timeText.clear();
            times.append(t, timeText);
            csv.addPlainField(timeText);
            csv.addPlainField(elapsedHours(t, runStartMs));
            csv.addPlainField(names[column]);
            if (isNumber)
                csv.addNumber(value);
            else
                csv.addPlainField(QByteArray());
            csv.addPlainField(units[column]);
            csv.addPlainField(qualityNames[quality]);
            csv.endRow();
            ++outcome.rows;
        }
        if (++outcome.readings % progressEvery == 0 && request.progress &&
            !request.progress(outcome.readings, total)) {
            outcome.cancelled = true;
            outcome.error = QCoreApplication::translate("ReadingsCsvExport", "export cancelled");
            return outcome;
        }
        if (!csv.ok())
            break;
    }
    for (int i = 0; i < channels.size(); ++i)
        if (stats[std::size_t(i)].count > 0)
            outcome.stats.insert(channels.at(i).id, stats[std::size_t(i)]);
    if (outcome.error.isEmpty() && !readings.error().isEmpty())
        outcome.error = readings.error();
    if (rowOpen)
        flushWideRow();
    if (!csv.flush())
        outcome.error = out->errorString();
    if (request.progress)
        request.progress(outcome.readings, total);
    return outcome;
}
