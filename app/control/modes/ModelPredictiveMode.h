#pragma once
// Model-predictive: applies the feed plan recommended by the model, re-planned every replanIntervalMs
// (replanDue tells the owner to ask the model for a new plan). With confirmation required, each new plan
// waits as pending until an operator confirms it; until then the previous plan (or the present output) holds.
// A plan is stale when no new one has been proposed for staleAfterIntervals re-plan intervals (the model
// keeps failing); the owner then drops it (dropActivePlan) and the present output holds until a new plan.
#include "ControlMode.h"
#include "FeedPlan.h"

#include <optional>

class ModelPredictiveMode : public ControlMode
{
public:
    ModelPredictiveMode(qint64 replanIntervalMs, bool requireConfirmation)
        : m_replanIntervalMs(replanIntervalMs), m_requireConfirmation(requireConfirmation)
    {
    }

    ControlModeKind kind() const override { return ControlModeKind::ModelPredictive; }
    QString describe() const override;
    void begin(double, qint64 nowMs) override
    {
        m_lastPlanMs = nowMs - m_replanIntervalMs;
        m_lastProposalMs = nowMs;
    }
    std::optional<double> output(const ProcessValues &values, qint64 nowMs) override;

    // Returns true when the plan was applied at once, false when it waits for confirmation.
    bool propose(const FeedPlan &plan, qint64 nowMs);
    bool confirmPending();
    void rejectPending() { m_pending.reset(); }
    void dropActivePlan() { m_active.reset(); }
    bool hasActivePlan() const { return m_active.has_value(); }
    const std::optional<FeedPlan> &activePlan() const { return m_active; }
    bool hasPending() const { return m_pending.has_value(); }
    std::optional<FeedPlan> pending() const { return m_pending; }
    bool requiresConfirmation() const { return m_requireConfirmation; }
    qint64 replanIntervalMs() const { return m_replanIntervalMs; }
    bool replanDue(qint64 nowMs) const { return nowMs - m_lastPlanMs >= m_replanIntervalMs; }
    bool isStale(qint64 nowMs) const
    {
        return nowMs - m_lastProposalMs > staleAfterIntervals * m_replanIntervalMs;
    }
    static constexpr int staleAfterIntervals = 3;
    void noteReplanRequested(qint64 nowMs) { m_lastPlanMs = nowMs; }

private:
    qint64 m_replanIntervalMs;
    bool m_requireConfirmation;
    qint64 m_lastPlanMs = 0;
    qint64 m_lastProposalMs = 0;
    std::optional<FeedPlan> m_active;
    std::optional<FeedPlan> m_pending;
};
