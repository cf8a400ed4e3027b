#pragma once
// What to export from a run file and where to: the readings CSV (wide or long, optionally a time range,
// a subset of channels, and for the wide layout resampling), the JSON manifest, the audit trail and event
// CSVs, and optionally all of them in one zip.
#include <QString>
#include <QStringList>

#include <functional>
#include <limits>

struct ExportRequest
{
    enum class Layout
    {
        Wide,
        Long
    };
    enum class Resample
    {
        Mean, // of the Good and Uncertain readings in the interval
        Last  // the last reading of the interval, whatever its quality
    };

    Layout layout = Layout::Wide;
    qint64 fromMs = std::numeric_limits<qint64>::min(); // inclusive
    qint64 toMs = std::numeric_limits<qint64>::max();   // inclusive
    QStringList channels;                               // empty: all
    qint64 resampleMs = 0;                              // wide layout only; 0: every timestamp
    Resample resample = Resample::Mean;

    QString csvFile;      // readings
    QString manifestFile; // JSON, optional
    QString auditFile;    // audit trail CSV, optional
    QString eventsFile;   // run events CSV (notes, alarms, gaps), optional
    QString zipFile;      // when set, the files above are written into this zip (under their file names)

    // Called now and then with readings done and total; return false to cancel. Runs on the exporting
    // thread.
    std::function<bool(qint64 done, qint64 total)> progress;
};
