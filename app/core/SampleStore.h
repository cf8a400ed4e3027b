#pragma once
// Per-channel in-memory series of the readings of a session, for plotting and model snapshots. Memory is
// bounded: each channel keeps at most capacityPerChannel points, the oldest dropped first (the run file keeps
// everything).
#include "Reading.h"

#include <QHash>
#include <QObject>
#include <QStringList>

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
    const std::deque<SeriesPoint> &series(const QString &channel) const;
    std::size_t pointCount(const QString &channel) const { return series(channel).size(); }
    // Points appended since the consumer last asked; lets the plot add only what is new.
    std::uint64_t appendedTotal() const { return m_appendedTotal; }

Q_SIGNALS:
    void channelAdded(const QString &channel);

private:
    struct Channel
    {
        QString unit;
        std::deque<SeriesPoint> points;
    };
    QHash<QString, Channel> m_channels;
    QStringList m_order;
    std::size_t m_capacity;
    std::uint64_t m_appendedTotal = 0;
};
