#pragma once
// One pass over the readings of a run, in time order, writing the CSV of an ExportRequest and collecting
// per-channel statistics for the manifest. Wide: time_utc, elapsed_h, one "<channel> [<unit>]" column per
// channel, one row per timestamp (or per resampling interval), empty cells where a channel has no value.
// Long: time_utc, elapsed_h, channel, value, unit, quality. elapsed_h counts from the run's first reading.
#include "ExportRequest.h"
#include "RunChannelTable.h"

#include <QHash>
#include <QIODevice>
#include <QSqlDatabase>

class ReadingsCsvExport
{
public:
    struct ChannelStats
    {
        double minimum = 0.0;
        double maximum = 0.0;
        qint64 count = 0;
    };
    struct Outcome
    {
        QString error;
        bool cancelled = false;
        qint64 rows = 0;
        qint64 readings = 0;
        qint64 firstMs = 0; // of the exported readings
        qint64 lastMs = 0;
        QHash<qint64, ChannelStats> stats; // by channel id
    };

    static Outcome write(QSqlDatabase &db, const QList<RunChannel> &channels, const ExportRequest &request,
                         qint64 runStartMs, QIODevice *out);
};
