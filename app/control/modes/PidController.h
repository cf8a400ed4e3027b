#pragma once
// A PID algorithm on explicit time steps: proportional on error, derivative on the filtered measurement (no
// kick on setpoint changes), integral with anti-windup (no integration further into saturation), output
// clamped and rate limited. reset() makes a transfer bumpless: the next output equals the given one. track()
// follows what the actuator really got (limits downstream) so the integral never winds up against a limit it
// cannot see.
#include "PidTuning.h"

class PidController
{
public:
    explicit PidController(const PidTuning &tuning = {}) : m_tuning(tuning) {}

    const PidTuning &tuning() const { return m_tuning; }
    void setTuning(const PidTuning &tuning); // keeps the present output (bumpless retune)

    void reset(double output, double setpoint, double measurement);
    double update(double setpoint, double measurement, double dtSeconds);
    void track(double appliedOutput);
    double output() const { return m_output; }
    double integral() const { return m_integral; }

private:
    double error(double setpoint, double measurement) const;
    double clampOutput(double value) const;

    PidTuning m_tuning;
    double m_integral = 0.0;
    double m_output = 0.0;
    double m_lastMeasurement = 0.0;
    double m_filteredSlope = 0.0;
    double m_lastError = 0.0;
    double m_lastProportional = 0.0;
    double m_lastDerivative = 0.0;
};
