// Solver accuracy against closed-form and published references (tests/fixtures/models, shared fixtures
// README).
#include "ModelParameters.h"
#include "OdeSolver.h"
#include "ProcessModel.h"
#include "ProcessOdeSystem.h"
#include "ProcessSimulation.h"

#include <QtTest>

#include <cmath>

namespace {
QString fixture(const QString &name)
{
    return QStringLiteral(RD_SOURCE_DIR "/tests/fixtures/models/") + name;
}

ModelParameters loadFixture(const QString &name)
{
    const ModelParametersResult result = loadModelParameters(fixture(name));
    if (!result.parameters)
        qFatal("%s", qPrintable(result.error));
    return *result.parameters;
}

OdeOptions tightOptions(OdeMethod method)
{
    OdeOptions options;
    options.method = method;
    options.relativeTolerance = 1e-11;
    options.absoluteTolerance = 1e-13;
    return options;
}

double relativeError(double value, double reference)
{
    return std::abs(value - reference) / std::abs(reference);
}

// dC/dt = -k C with an analytic Jacobian.
class DecaySystem : public OdeSystem
{
public:
    explicit DecaySystem(double k) : m_k(k) {}
    int dimension() const override { return 1; }
    void rhs(double, const Eigen::VectorXd &y, Eigen::VectorXd &dydt) const override { dydt = -m_k * y; }
    void jacobian(double, const Eigen::VectorXd &, Eigen::MatrixXd &dfdy,
                  Eigen::VectorXd &dfdt) const override
    {
        dfdy = Eigen::MatrixXd::Constant(1, 1, -m_k);
        dfdt = Eigen::VectorXd::Zero(1);
    }

private:
    double m_k;
};
} // namespace

class TestModelSolvers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void chemostatSteadyState_data();
    void chemostatSteadyState();
    void fedBatchTable_data();
    void fedBatchTable();
    void firstOrderDecay_data();
    void firstOrderDecay();
    void denseOutputMatchesSteppingToEachTime();
    void stiffSolverAgreesWithExplicit();
    void automaticChoiceUsesRosenbrockWhenOxygenIsOn();
    void piecewiseFeedStopsAtBreakpoints();
    void cancellationStopsTheSolve();
    void jacobianMatchesFiniteDifferences_data();
    void jacobianMatchesFiniteDifferences();
    void exponentialFeedAgreesAcrossSolvers();
};

void TestModelSolvers::chemostatSteadyState_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<double>("sStar");
    QTest::addColumn<double>("xStar");
    QTest::addColumn<int>("method");
    QTest::newRow("yeast DOPRI") << "chemostat_yeast.json" << 0.75 << 3.70 << int(OdeMethod::DormandPrince);
    QTest::newRow("yeast Rosenbrock") << "chemostat_yeast.json" << 0.75 << 3.70 << int(OdeMethod::Rosenbrock);
    QTest::newRow("washout-problem DOPRI")
        << "chemostat_washout.json" << 0.2 << 4.9 << int(OdeMethod::DormandPrince);
    QTest::newRow("washout-problem Rosenbrock")
        << "chemostat_washout.json" << 0.2 << 4.9 << int(OdeMethod::Rosenbrock);
}

void TestModelSolvers::chemostatSteadyState()
{
    QFETCH(QString, file);
    QFETCH(double, sStar);
    QFETCH(double, xStar);
    QFETCH(int, method);
    const ModelParameters params = loadFixture(file);
    // Analytic steady state from the parameters themselves, then the fixture's rounded table values.
    const Kinetics &k = params.kinetics;
    const double D = params.feed.D;
    const double sAnalytic = k.Ks * D / (k.muMax - D);
    const double xAnalytic = k.Yxs * (params.feed.sIn - sAnalytic);
    QVERIFY(relativeError(sAnalytic, sStar) < 1e-12);
    QVERIFY(relativeError(xAnalytic, xStar) < 1e-12);

    const ProcessTrajectory run = simulateProcess(params, 300.0, {300.0}, tightOptions(OdeMethod(method)));
    QVERIFY(run.solution.ok());
    const Eigen::VectorXd &y = run.solution.states.back();
    QVERIFY2(relativeError(y[StateS], sStar) < 1e-6, qPrintable(QString::number(y[StateS], 'g', 12)));
    QVERIFY2(relativeError(y[StateX], xStar) < 1e-6, qPrintable(QString::number(y[StateX], 'g', 12)));
    QCOMPARE(y[StateV], 1.0); // chemostat: outflow equals inflow
}

void TestModelSolvers::fedBatchTable_data()
{
    QTest::addColumn<int>("method");
    QTest::newRow("DOPRI") << int(OdeMethod::DormandPrince);
    QTest::newRow("Rosenbrock") << int(OdeMethod::Rosenbrock);
}

void TestModelSolvers::fedBatchTable()
{
    QFETCH(int, method);
    const ModelParameters params = loadFixture("fedbatch_penicillin.json");
    const ProcessTrajectory run =
        simulateProcess(params, 150.0, {0.0, 10.0, 50.0, 100.0, 150.0}, tightOptions(OdeMethod(method)));
    QVERIFY(run.solution.ok());
    QCOMPARE(run.solution.times.size(), std::size_t(5));
    const double table[4][4] = {{1.1793126142, 0.4337825563, 0.0434534204, 120.2},
                                {1.9289316373, 0.0270023016, 0.2968389945, 121.0},
                                {2.5518668685, 0.0157335272, 0.7418851847, 122.0},
                                {3.1110575493, 0.0108725414, 1.3009026369, 123.0}};
    for (int row = 0; row < 4; ++row) {
        const Eigen::VectorXd &y = run.solution.states[std::size_t(row) + 1];
        for (int col = 0; col < 4; ++col) {
            QVERIFY2(relativeError(y[col], table[row][col]) < 1e-6,
                     qPrintable(QStringLiteral("t=%1 state %2: %3 vs %4")
                                    .arg(run.solution.times[std::size_t(row) + 1])
                                    .arg(col)
                                    .arg(y[col], 0, 'g', 12)
                                    .arg(table[row][col], 0, 'g', 12)));
        }
    }
    QCOMPARE(run.feedRates.front(), 0.02);
}

void TestModelSolvers::firstOrderDecay_data()
{
    QTest::addColumn<int>("method");
    QTest::newRow("DOPRI") << int(OdeMethod::DormandPrince);
    QTest::newRow("Rosenbrock") << int(OdeMethod::Rosenbrock);
}

void TestModelSolvers::firstOrderDecay()
{
    QFETCH(int, method);
    for (int i = 0; i < 10; ++i) {
        const double k = 0.1 + i * (2.0 - 0.1) / 9.0; // linspace(0.1, 2.0, 10)
        const DecaySystem system(k);
        OdeOptions options = tightOptions(OdeMethod(method));
        options.absoluteTolerance = 1e-20; // exp(-20) is 2e-9: the check is relative
        const OdeSolution solution = solveOde(system, 0.0, Eigen::VectorXd::Ones(1), 10.0, {10.0}, options);
        QVERIFY(solution.ok());
        const double exact = std::exp(-10.0 * k);
        QVERIFY2(
            relativeError(solution.states.back()[0], exact) < 1e-8,
            qPrintable(QStringLiteral("k=%1: %2 vs %3").arg(k).arg(solution.states.back()[0]).arg(exact)));
    }
}

void TestModelSolvers::denseOutputMatchesSteppingToEachTime()
{
    const ModelParameters params = loadFixture("fedbatch_penicillin.json");
    OdeOptions options = tightOptions(OdeMethod::DormandPrince);
    options.relativeTolerance = 1e-8;
    options.absoluteTolerance = 1e-10;
    std::vector<double> grid;
    for (int i = 0; i <= 150; ++i)
        grid.push_back(i);
    const ProcessTrajectory dense = simulateProcess(params, 150.0, grid, options);
    QCOMPARE(dense.solution.times.size(), grid.size());
    // Dense output interpolates inside steps; a solve that must end at t agrees to the tolerance.
    for (double t : {7.0, 33.0, 121.0}) {
        const ProcessTrajectory direct = simulateProcess(params, t, {t}, options);
        const Eigen::VectorXd &a = dense.solution.states[std::size_t(t)];
        const Eigen::VectorXd &b = direct.solution.states.back();
        QVERIFY2((a - b).cwiseAbs().maxCoeff() < 1e-6, qPrintable(QString::number(t)));
    }
    // With no times requested the solver reports its own steps, starting at t0.
    const ProcessTrajectory steps = simulateProcess(params, 150.0, {}, OdeOptions());
    QCOMPARE(steps.solution.times.front(), 0.0);
    QCOMPARE(steps.solution.times.back(), 150.0);
    QVERIFY(steps.solution.times.size() > 3);
}

void TestModelSolvers::stiffSolverAgreesWithExplicit()
{
    const ModelParameters params = loadFixture("fedbatch_oxygen.json");
    const std::vector<double> times = {1.0, 24.0, 72.0, 150.0};
    OdeOptions explicitOptions = tightOptions(OdeMethod::DormandPrince);
    explicitOptions.relativeTolerance = 1e-9;
    explicitOptions.absoluteTolerance = 1e-12;
    OdeOptions stiffOptions = explicitOptions;
    stiffOptions.method = OdeMethod::Rosenbrock;
    const ProcessTrajectory a = simulateProcess(params, 150.0, times, explicitOptions);
    const ProcessTrajectory b = simulateProcess(params, 150.0, times, stiffOptions);
    QVERIFY(a.solution.ok());
    QVERIFY(b.solution.ok());
    for (std::size_t i = 0; i < times.size(); ++i) {
        for (int s = 0; s < 5; ++s) {
            const double ref = a.solution.states[i][s];
            QVERIFY2(std::abs(b.solution.states[i][s] - ref) <= 1e-6 * std::abs(ref) + 1e-10,
                     qPrintable(QStringLiteral("t=%1 state %2: %3 vs %4")
                                    .arg(times[i])
                                    .arg(s)
                                    .arg(b.solution.states[i][s], 0, 'g', 12)
                                    .arg(ref, 0, 'g', 12)));
        }
    }
    // The point of the stiff solver: at everyday tolerances the explicit solver's steps are bounded by
    // stability (kLa), the Rosenbrock steps only by accuracy.
    OdeOptions everyday;
    everyday.method = OdeMethod::DormandPrince;
    const ProcessTrajectory c = simulateProcess(params, 150.0, {150.0}, everyday);
    everyday.method = OdeMethod::Rosenbrock;
    const ProcessTrajectory d = simulateProcess(params, 150.0, {150.0}, everyday);
    QVERIFY(c.solution.ok() && d.solution.ok());
    QVERIFY2(d.solution.statistics.acceptedSteps * 10 < c.solution.statistics.acceptedSteps,
             qPrintable(QStringLiteral("%1 vs %2")
                            .arg(d.solution.statistics.acceptedSteps)
                            .arg(c.solution.statistics.acceptedSteps)));
    QVERIFY(std::abs(d.solution.states.back()[StateP] - c.solution.states.back()[StateP]) < 1e-3);
}

void TestModelSolvers::automaticChoiceUsesRosenbrockWhenOxygenIsOn()
{
    const ProcessTrajectory stiff =
        simulateProcess(loadFixture("fedbatch_oxygen.json"), 10.0, {10.0}, OdeOptions());
    QVERIFY(stiff.solution.statistics.luDecompositions > 0);
    const ProcessTrajectory plain =
        simulateProcess(loadFixture("fedbatch_penicillin.json"), 10.0, {10.0}, OdeOptions());
    QCOMPARE(plain.solution.statistics.luDecompositions, 0L);
}

void TestModelSolvers::piecewiseFeedStopsAtBreakpoints()
{
    ModelParameters params = loadFixture("fedbatch_penicillin.json");
    params.feed.type = FeedProfileType::Piecewise;
    params.feed.times = {0.0, 10.0, 20.0};
    params.feed.rates = {0.05, 0.0, 0.1};
    const ProcessTrajectory run = simulateProcess(params, 30.0, {5.0, 10.0, 15.0, 30.0}, OdeOptions());
    QVERIFY(run.solution.ok());
    // Volume integrates the feed exactly (it is linear), so it shows whether the jumps were placed right.
    QVERIFY(std::abs(run.solution.states[0][StateV] - 120.25) < 1e-9);
    QVERIFY(std::abs(run.solution.states[1][StateV] - 120.5) < 1e-9);
    QVERIFY(std::abs(run.solution.states[2][StateV] - 120.5) < 1e-9);
    QVERIFY(std::abs(run.solution.states[3][StateV] - 121.5) < 1e-9);
    QCOMPARE(run.feedRates[1], 0.0); // the rate in effect from t = 10 h on
}

void TestModelSolvers::cancellationStopsTheSolve()
{
    std::atomic_bool cancel{true};
    OdeOptions options;
    options.cancel = &cancel;
    const ProcessTrajectory run =
        simulateProcess(loadFixture("fedbatch_penicillin.json"), 150.0, {150.0}, options);
    QCOMPARE(run.solution.status, OdeStatus::Cancelled);
}

void TestModelSolvers::jacobianMatchesFiniteDifferences_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("profile");
    QTest::newRow("oxygen, constant feed") << "fedbatch_oxygen.json" << int(FeedProfileType::Constant);
    QTest::newRow("oxygen, exponential feed") << "fedbatch_oxygen.json" << int(FeedProfileType::Exponential);
    QTest::newRow("chemostat (F = D V)") << "chemostat_yeast.json" << int(FeedProfileType::Chemostat);
}

void TestModelSolvers::jacobianMatchesFiniteDifferences()
{
    QFETCH(QString, file);
    QFETCH(int, profile);
    ModelParameters params = loadFixture(file);
    params.kinetics.kd = 0.001;
    params.kinetics.ms = 0.01;
    params.kinetics.alpha = 0.1;
    if (FeedProfileType(profile) == FeedProfileType::Exponential) {
        params.feed.type = FeedProfileType::Exponential;
        params.feed.F0 = 0.01;
        params.feed.muSet = 0.05;
    }
    const ProcessOdeSystem system(params, 1.1);
    Eigen::VectorXd y = system.model().initialState();
    y[StateX] = 2.0;
    y[StateS] = 0.3;
    y[StateP] = 0.2;
    const double t = 7.0;
    Eigen::MatrixXd J;
    Eigen::VectorXd dfdt;
    system.jacobian(t, y, J, dfdt);
    Eigen::VectorXd up, down;
    for (int j = 0; j < y.size(); ++j) {
        const double h = 1e-7 * std::max(1.0, std::abs(y[j]));
        Eigen::VectorXd a = y, b = y;
        a[j] += h;
        b[j] -= h;
        system.rhs(t, a, up);
        system.rhs(t, b, down);
        const Eigen::VectorXd column = (up - down) / (2 * h);
        for (int i = 0; i < y.size(); ++i)
            QVERIFY2(
                std::abs(column[i] - J(i, j)) <= 1e-5 * (1.0 + std::abs(column[i])),
                qPrintable(
                    QStringLiteral("d f%1 / d y%2: %3 vs %4").arg(i).arg(j).arg(J(i, j)).arg(column[i])));
    }
    system.rhs(t + 1e-6, y, up);
    system.rhs(t - 1e-6, y, down);
    const Eigen::VectorXd timeDerivative = (up - down) / 2e-6;
    QVERIFY((timeDerivative - dfdt).cwiseAbs().maxCoeff() < 1e-6);
}

void TestModelSolvers::exponentialFeedAgreesAcrossSolvers()
{
    ModelParameters params = loadFixture("fedbatch_oxygen.json");
    params.feed.type = FeedProfileType::Exponential;
    params.feed.F0 = 0.005;
    params.feed.muSet = 0.02;
    OdeOptions options = tightOptions(OdeMethod::DormandPrince);
    options.relativeTolerance = 1e-9;
    options.absoluteTolerance = 1e-12;
    const ProcessTrajectory a = simulateProcess(params, 100.0, {100.0}, options);
    options.method = OdeMethod::Rosenbrock;
    const ProcessTrajectory b = simulateProcess(params, 100.0, {100.0}, options);
    QVERIFY(a.solution.ok() && b.solution.ok());
    // V integrates F0 exp(mu_set t) exactly: V(100) = V0 + F0 (exp(2) - 1) / mu_set.
    const double volume = 120.0 + 0.005 * (std::exp(2.0) - 1.0) / 0.02;
    QVERIFY(std::abs(a.solution.states.back()[StateV] - volume) < 1e-7);
    QVERIFY(std::abs(b.solution.states.back()[StateV] - volume) < 1e-7);
    for (int s = 0; s < 5; ++s)
        QVERIFY(std::abs(a.solution.states.back()[s] - b.solution.states.back()[s]) <=
                1e-6 * std::abs(a.solution.states.back()[s]) + 1e-10);
}

QTEST_GUILESS_MAIN(TestModelSolvers)
#include "test_models_solvers.moc"
