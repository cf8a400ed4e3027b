#pragma once
// Entry point for integrating an OdeSystem: splits [t0, tEnd] at the system's breakpoints, picks the method
// (options.method, or Rosenbrock for systems that declare themselves stiff) and collects the samples.
#include "OdeOptions.h"
#include "OdeSolution.h"
#include "OdeSystem.h"

#include <vector>

// outputTimes: ascending times in [t0, tEnd] to sample at; empty = every accepted step (plus t0).
OdeSolution solveOde(const OdeSystem &system, double t0, const Eigen::VectorXd &y0, double tEnd,
                     const std::vector<double> &outputTimes, const OdeOptions &options);
