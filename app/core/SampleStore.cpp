#include "SampleStore.h"

#include <QtNumeric>

#include <algorithm>

SampleStore::SampleStore(QObject *parent, std::size_t capacityPerChannel)
    : QObject(parent), m_capacity(capacityPerChannel)
{
}

void SampleStore::append(const Reading &reading)
{
    auto it = m_channels.find(reading.channel);
    const bool isNew = it == m_channels.end();
    const double timeSec = reading.sourceTimeMs / 1000.0;
    if (isNew) {
        it = m_channels.insert(reading.channel, Channel{reading.unit, {}, {}, timeSec});
        m_order.append(reading.channel);
    }
    auto &points = it->points;
    points.push_back({timeSec, reading.value, reading.quality});
    if (points.size() > m_capacity)
        points.pop_front();
    if (reading.quality != Quality::Bad && !qIsNaN(reading.value))
        it->levels.add(timeSec, reading.value);
    ++m_appendedTotal;
    if (isNew)
        Q_EMIT channelAdded(reading.channel);
}

QString SampleStore::unitOf(const QString &channel) const
{
    return m_channels.value(channel).unit;
}

const std::deque<SeriesPoint> &SampleStore::series(const QString &channel) const
{
    static const std::deque<SeriesPoint> empty;
    const auto it = m_channels.constFind(channel);
    return it == m_channels.cend() ? empty : it->points;
}

bool SampleStore::timeSpan(const QString &channel, double *firstSec, double *lastSec) const
{
    const auto it = m_channels.constFind(channel);
    if (it == m_channels.cend() || it->points.empty())
        return false;
    *firstSec = it->firstSec;
    *lastSec = it->points.back().timeSec;
    return true;
}

int SampleStore::plotPoints(const QString &channel, double fromSec, double toSec, int maxPoints,
                            QVector<double> *keys, QVector<double> *values) const
{
    keys->clear();
    values->clear();
    const auto it = m_channels.constFind(channel);
    if (it == m_channels.cend() || it->points.empty())
        return 0;
    const std::deque<SeriesPoint> &points = it->points;
    // Include one point either side so the line runs to the plot's edges.
    auto first = std::lower_bound(points.cbegin(), points.cend(), fromSec,
                                  [](const SeriesPoint &p, double t) { return p.timeSec < t; });
    auto last = std::upper_bound(first, points.cend(), toSec,
                                 [](double t, const SeriesPoint &p) { return t < p.timeSec; });
    const bool coversSpan = points.front().timeSec <= fromSec || points.front().timeSec <= it->firstSec;
    if (coversSpan && last - first <= maxPoints) {
        if (first != points.cbegin())
            --first;
        if (last != points.cend())
            ++last;
        keys->reserve(int(last - first));
        values->reserve(int(last - first));
        for (auto p = first; p != last; ++p) {
            keys->append(p->timeSec);
            values->append(p->quality == Quality::Bad ? qQNaN() : p->value);
        }
        return 0;
    }
    // The coarsest level that still has at least as many envelopes as wanted, merged down to the wanted
    // count: the points match the pixels instead of jumping by the levels' factor of 16.
    const std::size_t wanted = std::max(1, maxPoints / 2);
    int level = 1;
    while (level < MinMaxLevels::levelCount && it->levels.countIn(level + 1, fromSec, toSec) >= wanted)
        ++level;
    const std::size_t available = it->levels.countIn(level, fromSec, toSec);
    const int mergeEvery = int(std::max<std::size_t>(1, (available + wanted - 1) / wanted));
    it->levels.appendPoints(level, fromSec, toSec, mergeEvery, keys, values);
    return level;
}

std::size_t SampleStore::estimatedReadings(const QString &channel, double fromSec, double toSec) const
{
    const auto it = m_channels.constFind(channel);
    return it == m_channels.cend() ? 0 : it->levels.countIn(1, fromSec, toSec) * MinMaxLevels::factor;
}

std::size_t SampleStore::memoryBytes() const
{
    std::size_t bytes = sizeof(*this);
    for (const Channel &channel : m_channels)
        bytes += sizeof(Channel) + channel.points.size() * sizeof(SeriesPoint) + channel.levels.bytesUsed();
    return bytes;
}
