#include "ModelPredictiveMode.h"

QString ModelPredictiveMode::describe() const
{
    return QStringLiteral("model plan every %1 min%2")
        .arg(m_replanIntervalMs / 60000.0)
        .arg(m_requireConfirmation ? QStringLiteral(", each change confirmed") : QString());
}

std::optional<double> ModelPredictiveMode::output(const ProcessValues &, qint64 nowMs)
{
    if (!m_active || m_active->steps.empty())
        return std::nullopt;
    return m_active->rateAt(nowMs);
}

bool ModelPredictiveMode::propose(const FeedPlan &plan, qint64 nowMs)
{
    m_lastPlanMs = nowMs;
    m_lastProposalMs = nowMs;
    if (m_requireConfirmation) {
        m_pending = plan;
        return false;
    }
    m_active = plan;
    return true;
}

bool ModelPredictiveMode::confirmPending()
{
    if (!m_pending)
        return false;
    m_active = std::move(m_pending);
    m_pending.reset();
    return true;
}
