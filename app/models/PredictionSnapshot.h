#pragma once
// What the PredictionService works on: a self-contained copy of the session's data (plain values, safe to
// hand to a worker thread) and what comes back. The session fills a snapshot from its SampleStore: hours
// since the run started, Good/Uncertain values only (a Bad reading is left out as NaN), and the feed actually
// applied as the parameter file's piecewise profile.
#include "ExtendedKalmanFilter.h"
#include "FeedOptimization.h"
#include "MeasurementTable.h"
#include "ModelParameters.h"
#include "StateEstimation.h"
#include "StateForecast.h"

#include <QMetaType>
#include <QString>

#include <optional>

struct PredictionSnapshot
{
    ModelParameters parameters;    // model, starting estimate (initial), measurement_noise, applied feed
    MeasurementTable measurements; // rows in hours since the start of the run
    double nowHours = 0.0;         // estimate up to here (at least the last row's time)
    double forecastHours = 24.0;
    double forecastStepHours = 0.5;
    EkfSettings filter;
    // Feed recommendation: when set, optimise from the current estimate over [nowHours,
    // recommendation->tEnd]. parameters, startState, muMultiplier and tStart are filled in from the estimate.
    std::optional<FeedOptimizationProblem> recommendation;
};

struct FeedRecommendation
{
    FeedObjective objective = FeedObjective::Product;
    FeedOptimizationResult optimum;
    double currentFeed = 0.0;       // L/h in effect at nowHours
    double baselineObjective = 0.0; // the objective if the current feed is kept until the end
    double improvementPercent = 0.0;
};

struct PredictionResult
{
    quint64 sequence = 0; // the submit() number this result belongs to
    bool ok = false;
    QString error;
    std::vector<EstimatePoint> estimates; // one per measurement row
    Eigen::VectorXd currentState;         // X, S, P, V[, C], mu_max at nowHours
    Eigen::VectorXd currentSd;
    StateForecast forecast; // mean and sd from nowHours on; the last entry of each vector is the multiplier
    std::optional<FeedRecommendation> recommendation;
    qint64 computeMs = 0;
};

Q_DECLARE_METATYPE(PredictionResult)
