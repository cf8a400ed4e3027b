#include "LimitDetector.h"

bool LimitDetector::update(double value, qint64 timeMs)
{
    const bool high = m_settings.direction == LimitSettings::Direction::High;
    const bool beyond = high ? value > m_settings.limit : value < m_settings.limit;
    const bool clearedWithDeadband = high ? value < m_settings.limit - m_settings.deadband
                                          : value > m_settings.limit + m_settings.deadband;
    const bool towardOtherState = m_active ? clearedWithDeadband : beyond;
    if (!towardOtherState) {
        m_pendingSinceMs = -1;
        return m_active;
    }
    if (m_pendingSinceMs < 0)
        m_pendingSinceMs = timeMs;
    const qint64 delay = m_active ? m_settings.offDelayMs : m_settings.onDelayMs;
    if (timeMs - m_pendingSinceMs >= delay) {
        m_active = !m_active;
        m_pendingSinceMs = -1;
    }
    return m_active;
}
