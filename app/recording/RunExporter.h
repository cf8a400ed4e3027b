#pragma once
// Exports a run file as CSV. Wide layout: time_utc, elapsed_h, one "<channel> [<unit>]" column per channel,
// one row per timestamp, empty cells where a channel has no sample. Long layout: time_utc, elapsed_h,
// channel, value, unit, quality. Times are UTC ISO 8601 with milliseconds and Z; elapsed_h counts from the
// first reading.
#include <QString>

class RunExporter
{
public:
    enum class Layout
    {
        Wide,
        Long
    };

    struct Result
    {
        bool ok = false;
        QString error;
        qint64 rows = 0;
    };

    static Result exportCsv(const QString &runFile, const QString &csvFile, Layout layout);
};
