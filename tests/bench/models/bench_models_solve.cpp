// Prints the models' speed figures next to scipy's, measured in the same run on the same machine:
//   fed-batch 0-150 h, Dormand-Prince at default tolerances (rtol 1e-3, atol 1e-6) vs solve_ivp RK45;
//   the stiff oxygen case, Rosenbrock vs solve_ivp LSODA (and vs our explicit solver, to show why);
//   the feed optimiser on the reference problem (time and P(150)), and on the live demo problem under the
//   oxygen-transfer cap (resources/models/demo-fedbatch.json, 12 h ahead after the batch phase);
//   one PredictionService pipeline run (EKF over 100 h of hourly data + 24 h forecast).
#include "DemoAfterBatchProblem.h"
#include "FeedOptimizer.h"
#include "ModelParameters.h"
#include "PredictionPipeline.h"
#include "ProcessSimulation.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTextStream>

#include <algorithm>

namespace {
ModelParameters fixture(const char *name)
{
    const ModelParametersResult result =
        loadModelParameters(QStringLiteral(RD_SOURCE_DIR "/tests/fixtures/models/") + QLatin1String(name));
    if (!result.parameters)
        qFatal("%s", qPrintable(result.error));
    return *result.parameters;
}

struct Timing
{
    double msPerRun = 0.0;
    ProcessTrajectory last;
};

// Best of five batches: the machine is shared, the minimum is the least disturbed figure.
Timing timeSolve(const ModelParameters &params, OdeMethod method, int repeats)
{
    OdeOptions options;
    options.method = method;
    Timing timing;
    double best = 1e300;
    for (int batch = 0; batch < 5; ++batch) {
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < repeats; ++i)
            timing.last = simulateProcess(params, 150.0, {}, options);
        best = std::min(best, timer.nsecsElapsed() / 1e6 / repeats);
    }
    timing.msPerRun = best;
    return timing;
}

struct OptimiserTiming
{
    double ms = 1e300; // best of five
    FeedOptimizationResult result;
};

OptimiserTiming timeOptimiser(const FeedOptimizationProblem &problem)
{
    OptimiserTiming timing;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer timer;
        timer.start();
        timing.result = FeedOptimizer::optimize(problem);
        timing.ms = std::min(timing.ms, timer.nsecsElapsed() / 1e6);
    }
    return timing;
}

ModelParameters demoModel()
{
    const ModelParametersResult demo =
        loadModelParameters(QStringLiteral(RD_SOURCE_DIR "/resources/models/demo-fedbatch.json"));
    if (!demo.parameters)
        qFatal("%s", qPrintable(demo.error));
    return *demo.parameters;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    out.setRealNumberNotation(QTextStream::FixedNotation);

    const ModelParameters fedBatch = fixture("fedbatch_penicillin.json");
    const ModelParameters oxygen = fixture("fedbatch_oxygen.json");
    const Timing dopri = timeSolve(fedBatch, OdeMethod::DormandPrince, 2000);
    const Timing stiff = timeSolve(oxygen, OdeMethod::Rosenbrock, 200);
    const Timing explicitOnStiff = timeSolve(oxygen, OdeMethod::DormandPrince, 5);

    FeedOptimizationProblem problem;
    problem.parameters = fedBatch;
    problem.xMax = 3.7;
    const OptimiserTiming reference = timeOptimiser(problem);
    const FeedOptimizationResult &optimum = reference.result;
    const OptimiserTiming capped = timeOptimiser(demoAfterBatchProblem(demoModel(), 6));
    const OptimiserTiming cappedLong = timeOptimiser(demoAfterBatchProblem(demoModel(), 24));

    PredictionSnapshot snapshot;
    snapshot.parameters = fedBatch;
    snapshot.nowHours = 100.0;
    std::vector<double> hours;
    for (int t = 1; t <= 100; ++t)
        hours.push_back(t);
    const ProcessTrajectory truth = simulateProcess(fedBatch, 100.0, hours, OdeOptions());
    for (std::size_t i = 0; i < hours.size(); ++i) {
        MeasurementRow row;
        row.tHours = hours[i];
        row.set(MeasuredQuantity::X, truth.solution.states[i][StateX]);
        row.set(MeasuredQuantity::S, truth.solution.states[i][StateS]);
        snapshot.measurements.rows.push_back(row);
    }
    snapshot.measurements.columnPresent[0] = snapshot.measurements.columnPresent[1] = true;
    double pipelineMs = 1e300;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer timer;
        timer.start();
        const PredictionResult result = runPrediction(snapshot, nullptr);
        pipelineMs = std::min(pipelineMs, timer.nsecsElapsed() / 1e6);
        if (!result.ok)
            qFatal("pipeline failed: %s", qPrintable(result.error));
    }

    // scipy in the same run, on the same models (script next to this file).
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral(RD_SOURCE_DIR "/tests/bench/models/scipy_reference.py")});
    QMap<QString, QStringList> scipy;
    if (python.waitForFinished(300000) && python.exitCode() == 0) {
        for (const QString &line :
             QString::fromUtf8(python.readAllStandardOutput()).split('\n', Qt::SkipEmptyParts))
            scipy.insert(line.section(' ', 0, 0), line.split(' ').mid(1));
    } else {
        out << "scipy reference failed: " << python.readAllStandardError() << '\n';
    }
    auto scipyMs = [&](const QString &key) { return scipy.value(key).value(0).toDouble(); };

    out.setRealNumberPrecision(4);
    out << "case                                   ms/solve   steps   P(150)     vs scipy\n";
    out << "fed-batch DOPRI5 (rtol 1e-3, atol 1e-6) " << dopri.msPerRun << "   "
        << dopri.last.solution.statistics.acceptedSteps << "     " << dopri.last.solution.finalState[StateP]
        << "   " << scipyMs("fedbatch_RK45") / dopri.msPerRun << "x faster than RK45 ("
        << scipyMs("fedbatch_RK45") << " ms, " << scipy.value("fedbatch_RK45").value(2) << " points)\n";
    out << "oxygen Rosenbrock (rtol 1e-3, atol 1e-6) " << stiff.msPerRun << "   "
        << stiff.last.solution.statistics.acceptedSteps << "     " << stiff.last.solution.finalState[StateP]
        << "   " << scipyMs("oxygen_LSODA") / stiff.msPerRun << "x faster than LSODA ("
        << scipyMs("oxygen_LSODA") << " ms)\n";
    out << "oxygen DOPRI5 (same tolerances)         " << explicitOnStiff.msPerRun << "   "
        << explicitOnStiff.last.solution.statistics.acceptedSteps << "  "
        << explicitOnStiff.last.solution.finalState[StateP] << '\n';
    out.setRealNumberPrecision(6);
    out << "feed optimiser (15 intervals, u <= 0.2, X <= 3.7): P(150) = " << optimum.objective << " in ";
    out.setRealNumberPrecision(1);
    out << reference.ms << " ms (" << optimum.evaluations << " shooting evaluations; reference 1.682450)\n";
    for (const OptimiserTiming *demo : {&capped, &cappedLong}) {
        const FeedOptimizationResult &r = demo->result;
        out << "demo optimiser under the oxygen cap (" << r.feedRates.size()
            << " x 2 h, u <= 0.1, V <= 1.7): " << demo->ms << " ms (" << r.evaluations << " evaluations, "
            << (r.ok ? "ok" : "FAILED") << "), first rate " << r.feedRates.front() * 1000.0 << " mL/h\n";
    }
    out << "prediction pipeline (EKF 100 h hourly X,S + 24 h forecast): " << pipelineMs << " ms\n";
    return 0;
}
