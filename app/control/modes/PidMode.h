#pragma once
// PID: holds a measured channel at a setpoint (glucose by feed, DO by stirrer, pH by base). Starts bumplessly
// from the actuator's present output; holds the output while the measurement is missing or not Good, and
// restarts bumplessly when it comes back.
#include "ControlMode.h"
#include "PidController.h"

class PidMode : public ControlMode
{
public:
    PidMode(QString measuredChannel, double setpoint, const PidTuning &tuning)
        : m_channel(std::move(measuredChannel)), m_setpoint(setpoint), m_pid(tuning)
    {
    }

    ControlModeKind kind() const override { return ControlModeKind::Pid; }
    QString describe() const override;
    void begin(double currentOutput, qint64 nowMs) override;
    std::optional<double> output(const ProcessValues &values, qint64 nowMs) override;
    void track(double appliedOutput) override;

    QString channel() const { return m_channel; }
    double setpoint() const { return m_setpoint; }
    void setSetpoint(double setpoint) { m_setpoint = setpoint; }
    const PidTuning &tuning() const { return m_pid.tuning(); }
    void setTuning(const PidTuning &tuning) { m_pid.setTuning(tuning); }

private:
    QString m_channel;
    double m_setpoint;
    PidController m_pid;
    double m_applied = 0.0;
    qint64 m_lastMs = 0;
    bool m_needsReset = true;
};
