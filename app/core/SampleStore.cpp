#include "SampleStore.h"

SampleStore::SampleStore(QObject *parent, std::size_t capacityPerChannel)
    : QObject(parent), m_capacity(capacityPerChannel)
{
}

void SampleStore::append(const Reading &reading)
{
    auto it = m_channels.find(reading.channel);
    const bool isNew = it == m_channels.end();
    if (isNew) {
        it = m_channels.insert(reading.channel, Channel{reading.unit, {}});
        m_order.append(reading.channel);
    }
    auto &points = it->points;
    points.push_back({reading.sourceTimeMs / 1000.0, reading.value, reading.quality});
    if (points.size() > m_capacity)
        points.pop_front();
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
