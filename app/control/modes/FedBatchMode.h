#pragma once
// Fed-batch: runs a FeedRateProfile on profile time. start() sets profile time 0, pause() freezes it (the
// output holds the rate reached), resume() continues from where it stopped, so a pause never shifts or skips
// part of the profile. Before start the present output is held.
#include "ControlMode.h"
#include "FeedRateProfile.h"

class FedBatchMode : public ControlMode
{
public:
    enum class State
    {
        Ready,
        Running,
        Paused
    };

    explicit FedBatchMode(FeedRateProfile profile) : m_profile(std::move(profile)) {}

    ControlModeKind kind() const override { return ControlModeKind::FedBatch; }
    QString describe() const override;
    void begin(double, qint64) override {}
    std::optional<double> output(const ProcessValues &values, qint64 nowMs) override;

    void start(qint64 nowMs);
    void pause(qint64 nowMs);
    void resume(qint64 nowMs);
    State state() const { return m_state; }
    double profileHours(qint64 nowMs) const;

private:
    FeedRateProfile m_profile;
    State m_state = State::Ready;
    qint64 m_accumulatedMs = 0; // profile time run before the present running stretch
    qint64 m_runningSinceMs = 0;
};
