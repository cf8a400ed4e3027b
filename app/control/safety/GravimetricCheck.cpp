#include "GravimetricCheck.h"

#include <algorithm>
#include <cmath>

void GravimetricCheck::addBalance(qint64 timeMs, double grams)
{
    if (!std::isfinite(grams))
        return;
    if (!m_weights.empty() && grams - m_weights.back().second > m_settings.refillJumpG) {
        m_weights.clear();
        m_deviatingSinceMs = -1;
    }
    m_weights.emplace_back(timeMs, grams);
    dropBefore(timeMs - qint64(m_settings.windowSeconds * 1000.0));
}

void GravimetricCheck::noteCommand(qint64 timeMs, double rateMlPerH)
{
    if (!m_commands.empty() && m_commands.back().second == rateMlPerH)
        return;
    m_commands.emplace_back(timeMs, rateMlPerH);
}

void GravimetricCheck::dropBefore(qint64 timeMs)
{
    while (!m_weights.empty() && m_weights.front().first < timeMs)
        m_weights.pop_front();
    // Keep the command in force at timeMs (the last one before it) so averages over the window stay right.
    while (m_commands.size() > 1 && m_commands[1].first <= timeMs)
        m_commands.pop_front();
}

double GravimetricCheck::averageCommand(qint64 fromMs, qint64 toMs) const
{
    if (m_commands.empty() || toMs <= fromMs)
        return m_commands.empty() ? 0.0 : m_commands.back().second;
    double integral = 0.0;
    for (std::size_t i = 0; i < m_commands.size(); ++i) {
        const qint64 start = std::max(fromMs, m_commands[i].first);
        const qint64 end = std::min(toMs, i + 1 < m_commands.size() ? m_commands[i + 1].first : toMs);
        if (end > start)
            integral += m_commands[i].second * double(end - start);
    }
    return integral / double(toMs - fromMs);
}

GravimetricStatus GravimetricCheck::evaluate(qint64 nowMs)
{
    GravimetricStatus status;
    const qint64 windowMs = qint64(m_settings.windowSeconds * 1000.0);
    if (m_weights.size() < 3 || m_weights.back().first - m_weights.front().first < windowMs * 8 / 10) {
        m_deviatingSinceMs = -1;
        return status;
    }
    // Least-squares slope of weight over time (hours), centred for numerical stability.
    const double t0 = double(m_weights.front().first);
    double meanT = 0.0, meanW = 0.0;
    for (const auto &[t, w] : m_weights) {
        meanT += (double(t) - t0) / 3600000.0;
        meanW += w;
    }
    meanT /= double(m_weights.size());
    meanW /= double(m_weights.size());
    double sxy = 0.0, sxx = 0.0;
    for (const auto &[t, w] : m_weights) {
        const double dt = (double(t) - t0) / 3600000.0 - meanT;
        sxy += dt * (w - meanW);
        sxx += dt * dt;
    }
    const double slopeGPerH = sxx > 0 ? sxy / sxx : 0.0;
    status.valid = true;
    status.deliveredMlPerH = -slopeGPerH / m_settings.feedDensityGPerMl;
    status.commandedMlPerH = averageCommand(m_weights.front().first, m_weights.back().first);
    const double tolerance =
        m_settings.toleranceMlPerH + m_settings.toleranceFraction * status.commandedMlPerH;
    status.deviating = std::abs(status.deliveredMlPerH - status.commandedMlPerH) > tolerance;
    if (!status.deviating)
        m_deviatingSinceMs = -1;
    else if (m_deviatingSinceMs < 0)
        m_deviatingSinceMs = nowMs;
    status.alarm = status.deviating && nowMs - m_deviatingSinceMs >= qint64(m_settings.holdSeconds * 1000.0);
    return status;
}
