#pragma once
// Runs the soft sensor over a table of measurements (what `model estimate` and the PredictionService do).
#include "ExtendedKalmanFilter.h"
#include "MeasurementTable.h"

#include <QString>

#include <atomic>
#include <optional>
#include <vector>

struct EstimatePoint
{
    double tHours = 0.0;
    Eigen::VectorXd state; // X, S, P, V[, C], mu_max (the multiplier times the parameter file's mu_max)
    Eigen::VectorXd sd;    // standard deviations in the same order
    int measurementsUsed = 0;
};

struct EstimationRun
{
    QString error;                              // empty on success
    std::vector<EstimatePoint> points;          // one per measurement row
    std::optional<ExtendedKalmanFilter> filter; // the filter after the last row, ready for a forecast
    bool ok() const { return error.isEmpty(); }
};

// Quantities present in the data but without a measurement_noise entry are an error naming the column.
EstimationRun runEstimation(const ModelParameters &parameters, const MeasurementTable &measurements,
                            const EkfSettings &settings, const std::atomic_bool *cancel = nullptr);
