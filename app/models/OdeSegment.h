#pragma once
// One stretch of integration between breakpoints, as the dispatcher hands it to a solver: integrate y from t0
// to t1 (updating y and the suggested next step h), append a sample at each requested output time in (t0,
// t1], or after every accepted step when no output times were requested.
#include "OdeOptions.h"
#include "OdeSolution.h"
#include "OdeSystem.h"

#include <vector>

struct OdeSegment
{
    const OdeSystem &system;
    double t0;
    double t1;
    std::vector<double>::const_iterator outputBegin; // output times inside (t0, t1], ascending
    std::vector<double>::const_iterator outputEnd;
    bool recordSteps; // no output times: record every step
};
