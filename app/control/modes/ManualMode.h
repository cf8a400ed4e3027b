#pragma once
// Manual: the actuator holds what it runs at; the operator sets rates through FeedController::setRate.
#include "ControlMode.h"

class ManualMode : public ControlMode
{
public:
    ControlModeKind kind() const override { return ControlModeKind::Manual; }
    QString describe() const override { return QStringLiteral("manual"); }
    void begin(double, qint64) override {}
    std::optional<double> output(const ProcessValues &, qint64) override { return std::nullopt; }
};
