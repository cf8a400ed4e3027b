#include "ChannelStalenessMonitor.h"

#include <algorithm>

ChannelStalenessMonitor::ChannelStalenessMonitor(QObject *parent, int checkIntervalMs) : QObject(parent)
{
    m_clock.start();
    m_timer.setInterval(checkIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &ChannelStalenessMonitor::check);
    m_timer.start();
}

void ChannelStalenessMonitor::addChannel(const QString &channel, int pollPeriodMs)
{
    // A channel that never reports goes stale from the moment it is watched.
    m_channels.insert(channel, Channel{pollPeriodMs, m_clock.elapsed(), Quality::Good, Quality::Good});
}

void ChannelStalenessMonitor::noteReading(const Reading &reading)
{
    const auto it = m_channels.find(reading.channel);
    if (it == m_channels.end())
        return;
    it->lastReadingMs = m_clock.elapsed();
    it->reported = reading.quality;
    update(reading.channel, *it, reading.quality);
}

void ChannelStalenessMonitor::markUnavailable(const QString &channel)
{
    const auto it = m_channels.find(channel);
    if (it == m_channels.end())
        return;
    it->reported = Quality::Bad;
    update(channel, *it, Quality::Bad);
}

Quality ChannelStalenessMonitor::quality(const QString &channel) const
{
    return m_channels.value(channel, Channel{}).current;
}

void ChannelStalenessMonitor::check()
{
    const qint64 now = m_clock.elapsed();
    for (auto it = m_channels.begin(); it != m_channels.end(); ++it) {
        const qint64 age = now - it->lastReadingMs;
        Quality staleness = Quality::Good;
        if (age > qint64(badAfterPeriods) * it->pollPeriodMs)
            staleness = Quality::Bad;
        else if (age > qint64(uncertainAfterPeriods) * it->pollPeriodMs)
            staleness = Quality::Uncertain;
        update(it.key(), *it, std::max(staleness, it->reported));
    }
}

void ChannelStalenessMonitor::update(const QString &name, Channel &channel, Quality quality)
{
    if (quality == channel.current)
        return;
    channel.current = quality;
    Q_EMIT qualityChanged(name, quality);
}
