// PredictionService: results arrive through the event loop, the newest request always wins, the optimiser's
// recommendation comes with its baseline, and the GUI thread's event loop never stalls while models run.
#include "EventLoopLagProbe.h"
#include "ModelParameters.h"
#include "PredictionService.h"
#include "ProcessSimulation.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QtTest>

namespace {
ModelParameters fixture()
{
    const ModelParametersResult result =
        loadModelParameters(QStringLiteral(RD_SOURCE_DIR "/tests/fixtures/models/fedbatch_penicillin.json"));
    if (!result.parameters)
        qFatal("%s", qPrintable(result.error));
    return *result.parameters;
}

// Hourly X, S and V up to nowHours from the fixture model itself.
PredictionSnapshot snapshotAt(double nowHours)
{
    PredictionSnapshot snapshot;
    snapshot.parameters = fixture();
    snapshot.nowHours = nowHours;
    std::vector<double> times;
    for (int t = 1; t <= int(nowHours); ++t)
        times.push_back(t);
    if (!times.empty()) {
        const ProcessTrajectory run = simulateProcess(snapshot.parameters, times.back(), times, OdeOptions());
        for (std::size_t i = 0; i < times.size(); ++i) {
            MeasurementRow row;
            row.tHours = times[i];
            row.set(MeasuredQuantity::X, run.solution.states[i][StateX]);
            row.set(MeasuredQuantity::S, run.solution.states[i][StateS]);
            row.set(MeasuredQuantity::V, run.solution.states[i][StateV]);
            snapshot.measurements.rows.push_back(row);
        }
        for (auto q : {MeasuredQuantity::X, MeasuredQuantity::S, MeasuredQuantity::V})
            snapshot.measurements.columnPresent[std::size_t(q)] = true;
    }
    return snapshot;
}

FeedOptimizationProblem recommendationTo150h(int intervals)
{
    FeedOptimizationProblem problem;
    problem.tEnd = 150.0;
    problem.intervals = intervals;
    problem.feedMax = 0.2;
    problem.xMax = 3.7;
    return problem;
}

bool waitUntilIdle(PredictionService &service, int timeoutMs = 20000)
{
    QElapsedTimer timer;
    timer.start();
    while (service.isBusy() && timer.elapsed() < timeoutMs)
        QTest::qWait(5);
    QTest::qWait(20); // let anything queued behind the last result run
    return !service.isBusy();
}
} // namespace

class TestPredictionService : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void deliversEstimateAndForecast();
    void newerSnapshotWins();
    void onlyTheLastOfABurstIsDelivered();
    void cancelAllDeliversNothing();
    void recommendationReportsItsGain();
    void failureIsReported();
    void eventLoopStaysResponsiveWhileModelsRun();
};

void TestPredictionService::deliversEstimateAndForecast()
{
    PredictionService service;
    QSignalSpy ready(&service, &PredictionService::resultReady);
    QSignalSpy busy(&service, &PredictionService::busyChanged);
    const quint64 sequence = service.submit(snapshotAt(50.0));
    QVERIFY(service.isBusy());
    QVERIFY(ready.wait(10000));
    const auto result = ready.at(0).at(0).value<PredictionResult>();
    QCOMPARE(result.sequence, sequence);
    QVERIFY(result.ok);
    QCOMPARE(result.estimates.size(), std::size_t(50));
    QCOMPARE(result.currentState.size(), Eigen::Index(5));
    QVERIFY(std::abs(result.currentState[4] - 0.02) < 0.002); // mu_max
    QCOMPARE(result.forecast.times.front(), 50.0);
    QCOMPARE(result.forecast.times.back(), 74.0);
    QVERIFY(!result.recommendation);
    QVERIFY(waitUntilIdle(service));
    QCOMPARE(busy.count(), 2);
    QCOMPARE(busy.at(1).at(0).toBool(), false);
}

void TestPredictionService::newerSnapshotWins()
{
    PredictionService service;
    QSignalSpy ready(&service, &PredictionService::resultReady);
    QSignalSpy dropped(&service, &PredictionService::staleResultDropped);
    // The old request is the expensive one (a fine-grained optimisation) and would finish last if not
    // cancelled.
    PredictionSnapshot old = snapshotAt(40.0);
    old.recommendation = recommendationTo150h(100);
    const quint64 oldSequence = service.submit(old);
    const quint64 newSequence = service.submit(snapshotAt(60.0));
    QVERIFY(newSequence > oldSequence);
    QVERIFY(waitUntilIdle(service));
    QCOMPARE(ready.count(), 1);
    const auto result = ready.at(0).at(0).value<PredictionResult>();
    QCOMPARE(result.sequence, newSequence);
    QCOMPARE(result.forecast.times.front(), 60.0);
    QCOMPARE(dropped.count(), 1);
    QCOMPARE(dropped.at(0).at(0).toULongLong(), oldSequence);
    QCOMPARE(service.deliveredSequence(), newSequence);
}

void TestPredictionService::onlyTheLastOfABurstIsDelivered()
{
    PredictionService service;
    QList<quint64> delivered;
    connect(&service, &PredictionService::resultReady, this,
            [&](const PredictionResult &r) { delivered.append(r.sequence); });
    quint64 last = 0;
    for (int i = 0; i < 8; ++i)
        last = service.submit(snapshotAt(20.0 + i));
    QVERIFY(waitUntilIdle(service));
    QCOMPARE(delivered, QList<quint64>{last});
    // A later request is delivered again, and never an older one after it.
    const quint64 next = service.submit(snapshotAt(30.0));
    QVERIFY(waitUntilIdle(service));
    QCOMPARE(delivered, (QList<quint64>{last, next}));
}

void TestPredictionService::cancelAllDeliversNothing()
{
    PredictionService service;
    QSignalSpy ready(&service, &PredictionService::resultReady);
    QSignalSpy failed(&service, &PredictionService::failed);
    PredictionSnapshot snapshot = snapshotAt(10.0);
    snapshot.recommendation = recommendationTo150h(100);
    service.submit(snapshot);
    service.submit(snapshotAt(12.0));
    service.cancelAll();
    QVERIFY(waitUntilIdle(service));
    QCOMPARE(ready.count(), 0);
    QCOMPARE(failed.count(), 0);
}

void TestPredictionService::recommendationReportsItsGain()
{
    PredictionService service;
    QSignalSpy ready(&service, &PredictionService::resultReady);
    PredictionSnapshot snapshot = snapshotAt(0.0);
    snapshot.recommendation = recommendationTo150h(15);
    service.submit(snapshot);
    QVERIFY(ready.wait(20000));
    const auto result = ready.at(0).at(0).value<PredictionResult>();
    QVERIFY(result.recommendation);
    const FeedRecommendation &r = *result.recommendation;
    QVERIFY2(r.optimum.ok, qPrintable(r.optimum.message));
    QVERIFY(r.optimum.objective >= 1.6820);
    QCOMPARE(r.currentFeed, 0.02);
    QVERIFY(std::abs(r.baselineObjective - 1.3009026369) < 1e-5); // the fixture's constant-feed P(150)
    QVERIFY(std::abs(r.improvementPercent - 100.0 * (r.optimum.objective / r.baselineObjective - 1.0)) <
            1e-9);
    QVERIFY(r.improvementPercent > 25.0);
}

void TestPredictionService::failureIsReported()
{
    PredictionService service;
    QSignalSpy failed(&service, &PredictionService::failed);
    PredictionSnapshot snapshot = snapshotAt(10.0);
    snapshot.parameters.measurementNoise.erase("S"); // S is measured but has no noise
    const quint64 sequence = service.submit(snapshot);
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.at(0).at(0).toULongLong(), sequence);
    QVERIFY(failed.at(0).at(1).toString().contains("measurement_noise.S"));
}

void TestPredictionService::eventLoopStaysResponsiveWhileModelsRun()
{
    PredictionService service;
    EventLoopLagProbe probe(nullptr, 5);
    int completed = 0;
    PredictionSnapshot snapshot = snapshotAt(80.0);
    snapshot.recommendation = recommendationTo150h(15);
    // Keep the models busy back to back: every answer immediately triggers the next request.
    auto again = [&] {
        ++completed;
        service.submit(snapshot);
    };
    connect(&service, &PredictionService::resultReady, this, again);
    connect(&service, &PredictionService::failed, this, again);
    service.submit(snapshot);
    QTest::qWait(200); // the first tick's lateness includes start-up
    probe.resetMaximum();
    QTest::qWait(2000);
    service.cancelAll();
    QVERIFY(waitUntilIdle(service));
    qInfo("%d predictions completed; worst event-loop stall %.2f ms", completed, probe.maxLagMsEver());
    QVERIFY(completed >= 5);
    QVERIFY2(probe.maxLagMsEver() < 16.0, qPrintable(QString::number(probe.maxLagMsEver())));
}

QTEST_GUILESS_MAIN(TestPredictionService)
#include "test_models_prediction_service.moc"
