#include "RateOfChangeDetector.h"

RateOfChangeDetector::RateOfChangeDetector(double limitPerMinute, double deadbandPerMinute, qint64 windowMs,
                                           qint64 onDelayMs, qint64 offDelayMs)
    : m_limit({limitPerMinute < 0 ? LimitSettings::Direction::Low : LimitSettings::Direction::High,
               limitPerMinute, deadbandPerMinute, onDelayMs, offDelayMs}),
      m_windowMs(windowMs)
{
}

bool RateOfChangeDetector::update(double value, qint64 timeMs)
{
    m_samples.emplace_back(timeMs, value);
    while (!m_samples.empty() && m_samples.front().first < timeMs - m_windowMs)
        m_samples.pop_front();
    // Judge only over at least half a window: two noisy samples close together say nothing about the trend.
    if (m_samples.size() < 3 || timeMs - m_samples.front().first < m_windowMs / 2)
        return m_limit.active();
    const double t0 = double(m_samples.front().first);
    double meanT = 0.0, meanV = 0.0;
    for (const auto &[t, v] : m_samples) {
        meanT += (double(t) - t0) / 60000.0;
        meanV += v;
    }
    meanT /= double(m_samples.size());
    meanV /= double(m_samples.size());
    double sxy = 0.0, sxx = 0.0;
    for (const auto &[t, v] : m_samples) {
        const double dt = (double(t) - t0) / 60000.0 - meanT;
        sxy += dt * (v - meanV);
        sxx += dt * dt;
    }
    m_slope = sxx > 0 ? sxy / sxx : 0.0;
    return m_limit.update(m_slope, timeMs);
}
