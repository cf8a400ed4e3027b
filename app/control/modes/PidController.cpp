#include "PidController.h"

#include <algorithm>

double PidController::error(double setpoint, double measurement) const
{
    return m_tuning.reverseActing ? measurement - setpoint : setpoint - measurement;
}

double PidController::clampOutput(double value) const
{
    return std::clamp(value, m_tuning.outputMinimum, m_tuning.outputMaximum);
}

void PidController::setTuning(const PidTuning &tuning)
{
    m_tuning = tuning;
    // Keep the output where it is: move the integral so that P + I + D still sums to it with the new gains.
    m_output = clampOutput(m_output);
    m_lastProportional = m_tuning.kp * m_lastError;
    m_integral = m_output - m_lastProportional - m_lastDerivative;
}

void PidController::reset(double output, double setpoint, double measurement)
{
    m_output = clampOutput(output);
    m_lastMeasurement = measurement;
    m_filteredSlope = 0.0;
    m_lastDerivative = 0.0;
    m_lastError = error(setpoint, measurement);
    m_lastProportional = m_tuning.kp * m_lastError;
    m_integral = m_output - m_lastProportional;
}

double PidController::update(double setpoint, double measurement, double dtSeconds)
{
    if (dtSeconds <= 0)
        return m_output;
    const double e = error(setpoint, measurement);
    const double slope = (measurement - m_lastMeasurement) / dtSeconds;
    m_lastMeasurement = measurement;
    const double alpha = dtSeconds / (m_tuning.derivativeFilterSeconds + dtSeconds);
    m_filteredSlope += alpha * (slope - m_filteredSlope);

    const double proportional = m_tuning.kp * e;
    const double derivative = -(m_tuning.reverseActing ? -1.0 : 1.0) * m_tuning.kd * m_filteredSlope;
    const double step = m_tuning.ki * e * dtSeconds;
    const double unclampedBefore = proportional + m_integral + derivative;
    // Anti-windup by conditional integration: skip the step if the output is saturated and the step would
    // push further.
    const bool pushesHigh = unclampedBefore >= m_tuning.outputMaximum && step > 0;
    const bool pushesLow = unclampedBefore <= m_tuning.outputMinimum && step < 0;
    if (!pushesHigh && !pushesLow)
        m_integral += step;

    double next = clampOutput(proportional + m_integral + derivative);
    if (m_tuning.maxOutputChangePerSecond > 0) {
        const double maxStep = m_tuning.maxOutputChangePerSecond * dtSeconds;
        next = std::clamp(next, m_output - maxStep, m_output + maxStep);
    }
    m_lastError = e;
    m_lastProportional = proportional;
    m_lastDerivative = derivative;
    m_output = next;
    return m_output;
}

void PidController::track(double appliedOutput)
{
    if (appliedOutput == m_output)
        return;
    // The actuator got something else (clamped, rate limited, held): carry on from there, not from our wish.
    m_output = clampOutput(appliedOutput);
    m_integral = m_output - m_lastProportional - m_lastDerivative;
}
