// Levenberg-Marquardt fit of model parameters to simulated noisy data (fixed seed), with standard errors.
#include "ParameterFit.h"
#include "ProcessModel.h"
#include "ProcessSimulation.h"

#include <QtTest>

#include <random>

namespace {
ModelParameters fixture()
{
    const ModelParametersResult result =
        loadModelParameters(QStringLiteral(RD_SOURCE_DIR "/tests/fixtures/models/fedbatch_penicillin.json"));
    if (!result.parameters)
        qFatal("%s", qPrintable(result.error));
    return *result.parameters;
}

MeasurementTable noisyRun(const ModelParameters &truth, unsigned seed)
{
    std::vector<double> times;
    for (int t = 2; t <= 150; t += 2)
        times.push_back(t);
    OdeOptions tight;
    tight.relativeTolerance = 1e-10;
    tight.absoluteTolerance = 1e-12;
    const ProcessTrajectory run = simulateProcess(truth, 150.0, times, tight);
    std::mt19937 generator(seed);
    std::normal_distribution<double> unit(0.0, 1.0);
    MeasurementTable table;
    table.columnPresent[std::size_t(MeasuredQuantity::X)] = true;
    table.columnPresent[std::size_t(MeasuredQuantity::S)] = true;
    for (std::size_t i = 0; i < times.size(); ++i) {
        MeasurementRow row;
        row.tHours = times[i];
        row.set(MeasuredQuantity::X, run.solution.states[i][StateX] + 0.05 * unit(generator));
        if (i % 2 == 0)
            row.set(MeasuredQuantity::S, run.solution.states[i][StateS] + 0.01 * unit(generator));
        table.rows.push_back(row);
    }
    return table;
}
} // namespace

class TestModelParameterFit : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void recoversParametersWithinTheirStandardErrors();
    void rejectsUnknownOrAbsentParameters();
};

void TestModelParameterFit::recoversParametersWithinTheirStandardErrors()
{
    const ModelParameters truth = fixture();
    const MeasurementTable data = noisyRun(truth, 314159);
    ModelParameters start = truth;
    start.kinetics.muMax = 0.014;
    start.kinetics.Yxs = 0.35;
    start.initial.X = 1.3;
    const ParameterFitResult fit = fitParameters(start, data, {"mu_max", "Yxs", "X0"});
    QVERIFY2(fit.ok(), qPrintable(fit.error));
    const double expected[3] = {0.02, 0.5, 1.0};
    for (int i = 0; i < 3; ++i) {
        qInfo("%s = %.5f +- %.5f (true %.5f)", qPrintable(fit.names.at(i)), fit.values[i],
              fit.standardErrors[i], expected[i]);
        QVERIFY(fit.standardErrors[i] > 0.0);
        QVERIFY(std::abs(fit.values[i] - expected[i]) < 3.5 * fit.standardErrors[i]);
        QVERIFY(std::abs(fit.values[i] - expected[i]) < 0.05 * expected[i]);
    }
    // With the noise the file declares, the weighted residuals are about one each.
    QVERIFY(fit.residualSumOfSquares / fit.residualCount < 2.0);
    QCOMPARE(fit.fitted.kinetics.muMax, fit.values[0]);
    QCOMPARE(fit.fitted.initial.X, fit.values[2]);
}

void TestModelParameterFit::rejectsUnknownOrAbsentParameters()
{
    const ModelParameters params = fixture();
    const MeasurementTable data = noisyRun(params, 1);
    QVERIFY(fitParameters(params, data, {"mu_maximum"}).error.contains("mu_maximum"));
    QVERIFY(fitParameters(params, data, {"Ko"}).error.contains("Ko")); // no oxygen term in this file
    MeasurementTable productOnly;
    MeasurementRow row;
    row.tHours = 1.0;
    row.set(MeasuredQuantity::P, 0.1);
    productOnly.rows.push_back(row);
    QVERIFY(fitParameters(params, productOnly, {"mu_max"}).error.contains("measurement_noise.P"));
}

QTEST_GUILESS_MAIN(TestModelParameterFit)
#include "test_models_parameter_fit.moc"
