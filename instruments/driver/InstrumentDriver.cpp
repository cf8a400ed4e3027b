#include "InstrumentDriver.h"

#include <QDateTime>

InstrumentDriver::InstrumentDriver(const QString &name, const QList<ChannelInfo> &channels, int pollPeriodMs,
                                   QObject *parent)
    : QObject(parent), m_name(name), m_channels(channels), m_pollPeriodMs(pollPeriodMs)
{
}

void InstrumentDriver::command(const QString &actuator, double, CommandDone done)
{
    done(false, tr("%1 has no actuator \"%2\"").arg(m_name, actuator));
}

const ChannelInfo *InstrumentDriver::channel(const QString &name) const
{
    for (const ChannelInfo &info : m_channels)
        if (info.name == name)
            return &info;
    return nullptr;
}

Reading InstrumentDriver::makeReading(const ChannelInfo &channel, double value, Quality quality) const
{
    const bool ranged = channel.maximum > channel.minimum;
    if (ranged && (value < channel.minimum || value > channel.maximum))
        quality = Quality::Bad;
    return Reading{channel.name, QDateTime::currentMSecsSinceEpoch(), value, channel.unit, quality};
}
