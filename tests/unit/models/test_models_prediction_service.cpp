// PredictionService: results arrive through the event loop, the newest request always wins, the optimiser's
// recommendation comes with its baseline, and the GUI thread's event loop never stalls while models run.
#include "EventLoopLagProbe.h"
#include "FeedRecommendationText.h"
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

// Samples this (GUI) thread every 5 ms and splits each tick's lateness into the time the thread sat runnable
// in the kernel's run queue (/proc/thread-self/schedstat: the machine's load, other processes' builds) and
// the rest, the time the event loop was blocked by work on its own thread, which is what this code is
// responsible for.
class LagSplitter : public QObject
{
public:
    LagSplitter()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(5);
        connect(&m_timer, &QTimer::timeout, this, &LagSplitter::tick);
        m_clock.start();
        m_lastNs = m_clock.nsecsElapsed();
        m_lastRunQueueNs = runQueueWaitNs();
        m_timer.start();
    }
    double maxOwnBlockingMs = 0.0;
    double maxRunQueueWaitMs = 0.0;

private:
    static qint64 runQueueWaitNs()
    {
        QFile file("/proc/thread-self/schedstat");
        if (!file.open(QIODevice::ReadOnly))
            return 0;
        return file.readAll().split(' ').value(1).toLongLong();
    }
    void tick()
    {
        const qint64 now = m_clock.nsecsElapsed();
        const qint64 runQueue = runQueueWaitNs();
        const double latenessMs = std::max(0.0, (now - m_lastNs) / 1e6 - 5.0);
        const double waitMs = (runQueue - m_lastRunQueueNs) / 1e6;
        maxRunQueueWaitMs = std::max(maxRunQueueWaitMs, waitMs);
        maxOwnBlockingMs = std::max(maxOwnBlockingMs, latenessMs - waitMs);
        m_lastNs = now;
        m_lastRunQueueNs = runQueue;
    }
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    qint64 m_lastRunQueueNs = 0;
};

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
    // The card: first interval's feed in mL/h, its length, the gain and the horizon.
    const QString card = describeFeedRecommendation(r);
    const QString expected = QStringLiteral("feed %1 mL/h for the next 10 h: +%2 % product by 150 h")
                                 .arg(r.optimum.feedRates.front() * 1000.0, 0, 'f', 1)
                                 .arg(r.improvementPercent, 0, 'f', 0);
    QCOMPARE(card, expected);
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
    // A real event loop, as in the application: QTest::qWait() sleeps up to 10 ms between its event passes
    // and would be measured as a stall itself.
    auto runEventLoopFor = [](int ms) {
        QEventLoop loop;
        QTimer::singleShot(ms, &loop, &QEventLoop::quit);
        loop.exec();
    };
    runEventLoopFor(200); // the first ticks' lateness includes start-up
    EventLoopLagProbe probe(nullptr, 5);
    LagSplitter splitter;
    runEventLoopFor(2000);
    const double worstStallMs = probe.maxLagMsEver();
    const double ownBlockingMs = splitter.maxOwnBlockingMs;
    const double runQueueMs = splitter.maxRunQueueWaitMs;
    service.cancelAll();
    QVERIFY(waitUntilIdle(service));
    qInfo("%d predictions completed; worst stall %.2f ms (EventLoopLagProbe); of a tick's lateness at most "
          "%.2f ms was the event loop's own blocking, at most %.2f ms the kernel's run queue",
          completed, worstStallMs, ownBlockingMs, runQueueMs);
    QVERIFY(completed >= 5);
    // Nothing the service does on this thread may stall the loop; the probe's figure may exceed 16 ms only by
    // time the kernel kept this runnable thread waiting for a CPU (a loaded shared machine), never by our
    // work.
    QVERIFY2(ownBlockingMs < 16.0, qPrintable(QString::number(ownBlockingMs)));
    QVERIFY2(worstStallMs < 16.0 + runQueueMs, qPrintable(QString::number(worstStallMs)));
}

QTEST_GUILESS_MAIN(TestPredictionService)
#include "test_models_prediction_service.moc"
