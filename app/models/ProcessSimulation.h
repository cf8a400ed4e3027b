#pragma once
// Integrates the process model from the parameter file's initial state: what `model simulate` prints.
#include "ModelParameters.h"
#include "OdeOptions.h"
#include "OdeSolution.h"

#include <vector>

struct ProcessTrajectory
{
    OdeSolution solution;          // states X, S, P, V (and C with oxygen on) at solution.times
    std::vector<double> feedRates; // F (L/h) in effect from each sample time on
};

// times: ascending output times within [0, tEnd]; empty = the solver's own steps.
ProcessTrajectory simulateProcess(const ModelParameters &parameters, double tEnd,
                                  const std::vector<double> &times, const OdeOptions &options);
