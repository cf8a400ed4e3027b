#pragma once
// Per-channel in-memory series of the readings of a session (or of a past run opened for viewing), for
// plotting and model snapshots. Memory is bounded: each channel keeps its most recent capacityPerChannel
// readings at full resolution plus min/max envelopes of its whole history (MinMaxLevels), so a plot of any
// span reads O(pixels) points: about 30 bytes per reading at full resolution, about 1 byte per reading of
// history (the run file keeps everything at full precision).
#include "MinMaxLevels.h"
#include "Reading.h"

#include <QHash>
#include <QObject>
#include <QStringList>
#include <QVector>

#include <deque>

struct SeriesPoint
{
    double timeSec; // UTC seconds since the epoch, as the plot axis uses it
    double value;
    Quality quality;
};

class SampleStore : public QObject
{
    Q_OBJECT
public:
    explicit SampleStore(QObject *parent = nullptr, std::size_t capacityPerChannel = 200000);

    void append(const Reading &reading);
    QStringList channels() const { return m_order; }
    QString unitOf(const QString &channel) const;
    // The recent readings at full resolution, oldest first.
    const std::deque<SeriesPoint> &series(const QString &channel) const;
    std::size_t pointCount(const QString &channel) const { return series(channel).size(); }
    // Readings appended since the store was made; lets a consumer see whether anything is new.
    std::uint64_t appendedTotal() const { return m_appendedTotal; }
    // Time span of everything seen on the channel (seconds); false when it has no readings.
    bool timeSpan(const QString &channel, double *firstSec, double *lastSec) const;

    // What to draw for [fromSec, toSec] in at most about maxPoints points: the full-resolution readings when
    // they cover the span and fit, otherwise min/max pairs from the finest envelope level that fits. Bad
    // readings come out as NaN (a gap in the line). Returns the level used (0: full resolution).
    int plotPoints(const QString &channel, double fromSec, double toSec, int maxPoints, QVector<double> *keys,
                   QVector<double> *values) const;
    // About how many readings the channel had in [fromSec, toSec] (from the finest envelope level): tells a
    // plot whether reading the span back from the run file at full resolution would fit.
    std::size_t estimatedReadings(const QString &channel, double fromSec, double toSec) const;
    std::size_t memoryBytes() const;

Q_SIGNALS:
    void channelAdded(const QString &channel);

private:
    struct Channel
    {
        QString unit;
        std::deque<SeriesPoint> points;
        MinMaxLevels levels;
        double firstSec = 0.0;
    };
    QHash<QString, Channel> m_channels;
    QStringList m_order;
    std::size_t m_capacity;
    std::uint64_t m_appendedTotal = 0;
};
