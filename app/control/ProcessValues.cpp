#include "ProcessValues.h"

#include <cmath>

void ProcessValues::update(const Reading &reading)
{
    if (reading.quality != Quality::Good || !std::isfinite(reading.value)) {
        m_latest.remove(reading.channel);
        ++m_rejected;
        return;
    }
    m_latest.insert(reading.channel, {reading.value, reading.sourceTimeMs});
}

std::optional<double> ProcessValues::value(const QString &channel, qint64 nowMs) const
{
    const auto it = m_latest.constFind(channel);
    if (it == m_latest.constEnd() || nowMs - it->timeMs > m_maxAgeMs)
        return std::nullopt;
    return it->value;
}
