#pragma once
// Where the run is heading: the filter's mean and covariance propagated forward without measurements, sampled
// on a regular grid. The band is mean +- k sd of the linearised covariance (k chosen by the caller).
#include "ExtendedKalmanFilter.h"

#include <vector>

struct StateForecast
{
    bool ok = false;
    std::vector<double> times;         // h, starting at the filter's time
    std::vector<Eigen::VectorXd> mean; // X, S, P, V[, C], multiplier
    std::vector<Eigen::VectorXd> sd;
};

StateForecast forecastFrom(const ExtendedKalmanFilter &filter, double horizonHours = 24.0,
                           double stepHours = 0.5);
