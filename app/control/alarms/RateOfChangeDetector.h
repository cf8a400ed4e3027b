#pragma once
// A rate-of-change alarm (a DO crash, a runaway pH): the least-squares slope over windowMs, in units per
// minute, checked against a limit with the same deadband and delays as a level limit. A negative limit
// watches falls (slope below it), a positive one rises.
#include "LimitDetector.h"

#include <deque>
#include <utility>

class RateOfChangeDetector
{
public:
    RateOfChangeDetector(double limitPerMinute, double deadbandPerMinute, qint64 windowMs, qint64 onDelayMs,
                         qint64 offDelayMs);

    bool update(double value, qint64 timeMs);
    bool active() const { return m_limit.active(); }
    double slopePerMinute() const { return m_slope; }

private:
    LimitDetector m_limit;
    qint64 m_windowMs;
    std::deque<std::pair<qint64, double>> m_samples;
    double m_slope = 0.0;
};
