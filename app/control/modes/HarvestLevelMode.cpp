#include "HarvestLevelMode.h"

HarvestLevelMode::HarvestLevelMode(double volumeSetpointMl, double gainPerHour, QString volumeChannel,
                                   QStringList inflowChannels)
    : m_setpointMl(volumeSetpointMl), m_gain(gainPerHour), m_volumeChannel(std::move(volumeChannel)),
      m_inflowChannels(std::move(inflowChannels))
{
}

QString HarvestLevelMode::describe() const
{
    return QStringLiteral("level %1 -> %2 mL by harvest = %3 + %4/h x error")
        .arg(m_volumeChannel)
        .arg(m_setpointMl)
        .arg(m_inflowChannels.join(QLatin1Char('+')))
        .arg(m_gain);
}

std::optional<double> HarvestLevelMode::output(const ProcessValues &values, qint64 nowMs)
{
    const std::optional<double> volume = values.value(m_volumeChannel, nowMs);
    if (!volume)
        return std::nullopt;
    double inflow = 0.0;
    for (const QString &channel : m_inflowChannels) {
        const std::optional<double> rate = values.value(channel, nowMs);
        if (!rate)
            return std::nullopt;
        inflow += *rate;
    }
    return inflow + m_gain * (*volume - m_setpointMl);
}
