#include "PidMode.h"

QString PidMode::describe() const
{
    const PidTuning &t = m_pid.tuning();
    return QStringLiteral("PID %1 -> %2 (kp=%3 ki=%4 kd=%5)")
        .arg(m_channel)
        .arg(m_setpoint)
        .arg(t.kp)
        .arg(t.ki)
        .arg(t.kd);
}

void PidMode::begin(double currentOutput, qint64 nowMs)
{
    m_applied = currentOutput;
    m_lastMs = nowMs;
    m_needsReset = true;
}

std::optional<double> PidMode::output(const ProcessValues &values, qint64 nowMs)
{
    const std::optional<double> measurement = values.value(m_channel, nowMs);
    if (!measurement) {
        m_needsReset = true; // the loop is open: restart bumplessly when the measurement returns
        return std::nullopt;
    }
    if (m_needsReset) {
        m_pid.reset(m_applied, m_setpoint, *measurement);
        m_lastMs = nowMs;
        m_needsReset = false;
        return std::nullopt;
    }
    const double dtSeconds = double(nowMs - m_lastMs) / 1000.0;
    if (dtSeconds <= 0)
        return std::nullopt;
    m_lastMs = nowMs;
    return m_pid.update(m_setpoint, *measurement, dtSeconds);
}

void PidMode::track(double appliedOutput)
{
    m_applied = appliedOutput;
    if (!m_needsReset)
        m_pid.track(appliedOutput);
}
