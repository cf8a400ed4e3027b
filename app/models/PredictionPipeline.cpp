#include "PredictionPipeline.h"

#include "FeedOptimizer.h"
#include "OdeSolver.h"
#include "ProcessOdeSystem.h"

#include <QCoreApplication>
#include <QElapsedTimer>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("PredictionPipeline", text);
}

bool isCancelled(const std::atomic_bool *cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

// The objective reached if the feed in effect now is held to the end: the reference the card compares
// against.
std::optional<double> baselineObjective(const FeedOptimizationProblem &problem, double feed,
                                        const std::atomic_bool *cancel)
{
    ModelParameters held = problem.parameters;
    held.feed.type = FeedProfileType::Constant;
    held.feed.F = feed;
    const ProcessOdeSystem system(held, problem.muMultiplier);
    OdeOptions options;
    options.relativeTolerance = 1e-8;
    options.absoluteTolerance = 1e-10;
    options.cancel = cancel;
    const OdeSolution solution =
        solveOde(system, problem.tStart, problem.startState, problem.tEnd, {}, options);
    if (!solution.ok())
        return std::nullopt;
    return solution.finalState[problem.objective == FeedObjective::Product ? StateP : StateX];
}
} // namespace

PredictionResult runPrediction(const PredictionSnapshot &snapshot, const std::atomic_bool *cancel)
{
    QElapsedTimer timer;
    timer.start();
    PredictionResult result;
    auto finish = [&](const QString &error) {
        result.error = error;
        result.ok = error.isEmpty();
        result.computeMs = timer.elapsed();
        return result;
    };

    const EstimationRun estimation =
        runEstimation(snapshot.parameters, snapshot.measurements, snapshot.filter, cancel);
    if (!estimation.ok())
        return finish(estimation.error);
    result.estimates = estimation.points;
    ExtendedKalmanFilter filter = *estimation.filter;
    if (snapshot.nowHours > filter.time() && !filter.predict(snapshot.nowHours))
        return finish(isCancelled(cancel) ? tr("cancelled") : tr("the model could not be integrated to now"));
    const int n = filter.modelStateCount();
    const double muMax = snapshot.parameters.kinetics.muMax;
    result.currentState = filter.state();
    result.currentSd = filter.standardDeviations();
    result.currentState[n] *= muMax;
    result.currentSd[n] *= muMax;

    result.forecast = forecastFrom(filter, snapshot.forecastHours, snapshot.forecastStepHours);
    if (!result.forecast.ok)
        return finish(isCancelled(cancel) ? tr("cancelled") : tr("the forecast could not be integrated"));

    if (snapshot.recommendation) {
        FeedOptimizationProblem problem = *snapshot.recommendation;
        problem.parameters = snapshot.parameters;
        problem.startState = filter.state().head(n);
        problem.muMultiplier = filter.state()[n];
        problem.tStart = filter.time();
        if (!(problem.tEnd > problem.tStart))
            return finish(tr("the recommendation horizon ends at %1 h, before now (%2 h)")
                              .arg(problem.tEnd)
                              .arg(problem.tStart));
        FeedOptimizer::Settings settings;
        settings.cancel = cancel;
        FeedRecommendation recommendation;
        recommendation.objective = problem.objective;
        recommendation.optimum = FeedOptimizer::optimize(problem, settings);
        if (isCancelled(cancel))
            return finish(tr("cancelled"));
        const FeedProfile applied(snapshot.parameters.feed);
        recommendation.currentFeed = applied.rate(problem.tStart, problem.startState[StateV], problem.tStart);
        if (const auto baseline = baselineObjective(problem, recommendation.currentFeed, cancel)) {
            recommendation.baselineObjective = *baseline;
            if (*baseline != 0.0)
                recommendation.improvementPercent =
                    100.0 * (recommendation.optimum.objective / *baseline - 1.0);
        }
        result.recommendation = recommendation;
    }
    return finish(QString());
}
