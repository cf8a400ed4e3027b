#include "ChannelReadout.h"

#include "DisplayUnit.h"

#include <cmath>

QString ChannelReadout::unitText(const ChannelInfo &channel)
{
    return DisplayUnit::besideValue(channel);
}

QString ChannelReadout::line(const ChannelInfo &channel, const std::optional<Value> &latest, int decimals,
                             bool live)
{
    if (!latest)
        return live ? tr("%1  — no reading yet").arg(channel.label) : channel.label;
    if (latest->quality == Quality::Bad || std::isnan(latest->value))
        return tr("%1  — bad").arg(channel.label);
    if (latest->quality == Quality::Uncertain)
        return tr("%1  — uncertain").arg(channel.label);
    const QString value = QString::number(latest->value, 'f', decimals);
    const QString unit = unitText(channel);
    return unit.isEmpty() ? tr("%1  %2").arg(channel.label, value)
                          : tr("%1  %2 %3").arg(channel.label, value, unit);
}
