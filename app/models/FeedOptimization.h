#pragma once
// The feed-recommendation problem and its answer, as plain data (copyable across threads).
#include "ModelParameters.h"

#include <Eigen/Core>

#include <QString>

#include <optional>
#include <vector>

enum class FeedObjective
{
    Product,
    Biomass
};

struct FeedOptimizationProblem
{
    ModelParameters parameters; // the model; its feed profile is replaced by the decision variables
    Eigen::VectorXd startState; // empty: parameters.initial
    double muMultiplier = 1.0;  // e.g. the EKF's current estimate
    double tStart = 0.0;
    double tEnd = 150.0;
    int intervals = 15;
    FeedObjective objective = FeedObjective::Product;
    double feedMin = 0.0; // L/h
    double feedMax = 0.2; // L/h
    std::optional<double> xMax;
    std::optional<double> cMin;
    std::optional<double> vMax;
    // Path constraints are imposed at this many evenly spaced points in each interval (the last one is the
    // interval's end): with only the ends, X can overshoot X_max inside an interval.
    int constraintPointsPerInterval = 10;
    std::vector<double> initialGuess; // empty: a constant feed
};

struct FeedOptimizationResult
{
    bool ok = false;
    QString message;
    std::vector<double> intervalStarts; // h
    double horizonEnd = 0.0;            // h, the end of the last interval
    std::vector<double> feedRates;      // L/h, one per interval
    double objective = 0.0;             // P(tEnd) or X(tEnd), g/L
    double maxViolation = 0.0;          // worst violation at the constraint points, in the constraint's unit
    int iterations = 0;
    int evaluations = 0;
};
