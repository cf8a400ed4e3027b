#pragma once
// Alarm flood (ISA-18.2): more than maxAlarms alarms started within windowMs. The operator sees a banner;
// alarms keep working as before.
#include <QtGlobal>

#include <deque>

class FloodDetector
{
public:
    explicit FloodDetector(int maxAlarms = 10, qint64 windowMs = 10 * 60 * 1000)
        : m_maxAlarms(maxAlarms), m_windowMs(windowMs)
    {
    }

    void noteAlarmStarted(qint64 timeMs)
    {
        m_starts.push_back(timeMs);
        expire(timeMs);
    }
    // Also forgets starts older than the window.
    int countInWindow(qint64 nowMs)
    {
        expire(nowMs);
        return int(m_starts.size());
    }
    bool flooding(qint64 nowMs) { return countInWindow(nowMs) > m_maxAlarms; }

private:
    void expire(qint64 nowMs)
    {
        while (!m_starts.empty() && m_starts.front() <= nowMs - m_windowMs)
            m_starts.pop_front();
    }

    int m_maxAlarms;
    qint64 m_windowMs;
    std::deque<qint64> m_starts;
};
