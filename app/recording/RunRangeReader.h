#pragma once
// Reads one channel's full-resolution readings of a time span back from a run file (live or past), for the
// plot when it zooms into history the sample store only holds as min/max envelopes. Read-only, blocking:
// run it on the thread pool.
#include <QString>
#include <QVector>

namespace RunRangeReader {
struct Result
{
    QVector<double> keys;   // UTC seconds
    QVector<double> values; // NaN for Bad readings
    QString error;
    bool tooMany = false; // more than maxPoints readings in the span: nothing returned
};

Result read(const QString &runFile, const QString &channel, double fromSec, double toSec, int maxPoints);
} // namespace RunRangeReader
