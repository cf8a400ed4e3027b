#pragma once
// One way of deciding an actuator's output. ActuatorControl runs the active mode on a period; FeedController
// enforces the limits on whatever it returns. Switching is bumpless: the new mode starts from the output the
// actuator has now (begin), and learns what was actually applied after limits (track).
#include "ProcessValues.h"

#include <QString>

#include <optional>

enum class ControlModeKind
{
    Manual,
    Chemostat,
    FedBatch,
    Pid,
    ModelPredictive,
    Level // the harvest pump holding the culture volume (chemostat)
};

QString controlModeName(ControlModeKind kind);

class ControlMode
{
public:
    virtual ~ControlMode() = default;
    virtual ControlModeKind kind() const = 0;
    // A one-line description for the audit trail and the UI ("PID glucose -> 2 g/L, Kp=...").
    virtual QString describe() const = 0;
    // The mode takes over an actuator running at currentOutput.
    virtual void begin(double currentOutput, qint64 nowMs) = 0;
    // The output wanted now, or nothing to hold the present output (input missing, paused, waiting).
    virtual std::optional<double> output(const ProcessValues &values, qint64 nowMs) = 0;
    // What the actuator was actually commanded after limits; integrating modes correct their state with it.
    virtual void track(double appliedOutput) { (void)appliedOutput; }
};
