#include "FedBatchMode.h"

QString FedBatchMode::describe() const
{
    return QStringLiteral("fed-batch ") + m_profile.describe();
}

std::optional<double> FedBatchMode::output(const ProcessValues &, qint64 nowMs)
{
    if (m_state == State::Ready)
        return std::nullopt;
    return m_profile.rateAt(profileHours(nowMs));
}

void FedBatchMode::start(qint64 nowMs)
{
    m_state = State::Running;
    m_accumulatedMs = 0;
    m_runningSinceMs = nowMs;
}

void FedBatchMode::pause(qint64 nowMs)
{
    if (m_state != State::Running)
        return;
    m_accumulatedMs += nowMs - m_runningSinceMs;
    m_state = State::Paused;
}

void FedBatchMode::resume(qint64 nowMs)
{
    if (m_state != State::Paused)
        return;
    m_runningSinceMs = nowMs;
    m_state = State::Running;
}

double FedBatchMode::profileHours(qint64 nowMs) const
{
    qint64 ms = m_accumulatedMs;
    if (m_state == State::Running)
        ms += nowMs - m_runningSinceMs;
    return double(ms) / 3600000.0;
}
