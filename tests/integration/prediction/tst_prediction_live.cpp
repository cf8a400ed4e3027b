// The live prediction against a real session: reactordesk-sim as a child process at high speed, its readings
// through the real protocols into the SampleStore, the models on the thread pool, the recommendation applied
// through the FeedController and found in the run file's audit trail.
#include "FeedController.h"
#include "PredictionCoordinator.h"
#include "ReactorSession.h"
#include "SampleStore.h"

#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

namespace {
double latestValue(SampleStore *store, const QString &channel)
{
    const auto &series = store->series(channel);
    return series.empty() ? qQNaN() : series.back().value;
}

const ForecastCurve *curveOf(const QVector<ForecastCurve> &curves, const QString &channel)
{
    for (const ForecastCurve &curve : curves)
        if (curve.channel == channel)
            return &curve;
    return nullptr;
}
} // namespace

class TestPredictionLive : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void forecastsRecommendsAndAppliesThroughTheFeedController()
    {
        const QString runFile = m_dir.filePath(QStringLiteral("prediction.rdrun"));
        ReactorSession::Options options;
        options.simulatorProgram = QStringLiteral(RD_SIM_PATH);
        options.speed = 1800; // half a process hour per second
        options.runFile = runFile;
        options.user = QStringLiteral("tester");
        ReactorSession session(options);
        PredictionCoordinator *prediction = session.prediction();
        QVERIFY(prediction);
        prediction->setPeriodMs(1000);
        QSignalSpy forecasts(prediction, &PredictionCoordinator::forecastReady);
        QSignalSpy recommendations(prediction, &PredictionCoordinator::recommendationReady);
        QSignalSpy stopped(&session, &ReactorSession::stopped);
        session.start();
        QVERIFY(prediction->isRunning());

        SampleStore *store = session.store();
        QTRY_VERIFY_WITH_TIMEOUT(store->pointCount(QStringLiteral("od")) >= 4 &&
                                     store->pointCount(QStringLiteral("volume")) >= 4 &&
                                     store->pointCount(QStringLiteral("glucose")) >= 4,
                                 15000);
        // A manual rate first, so that applying the recommendation is a change the audit trail must show.
        QVERIFY(session.feed()
                    ->setRate(37.0, Actor{options.user, Role::Operator}, QStringLiteral("manual"))
                    .isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!recommendations.isEmpty() && !forecasts.isEmpty(), 20000);
        session.lagProbe()->resetMaximum();
        const int completedBefore = prediction->completedCount();
        // Models keep running every second; the loop's worst stall meanwhile is printed (measured, not
        // asserted).
        QTRY_VERIFY_WITH_TIMEOUT(prediction->completedCount() >= completedBefore + 3, 15000);
        qInfo("event-loop lag while models ran continuously: max %.1f ms over %d runs",
              session.lagProbe()->maxLagMsEver(), prediction->completedCount() - completedBefore);

        // The forecast starts near now and continues from what was measured, in the channels' own units.
        const QVector<ForecastCurve> curves = prediction->lastForecast();
        QCOMPARE(curves.size(), 3);
        const double nowSec = QDateTime::currentMSecsSinceEpoch() / 1000.0;
        for (const QString &channel :
             {QStringLiteral("od"), QStringLiteral("glucose"), QStringLiteral("volume")}) {
            const ForecastCurve *curve = curveOf(curves, channel);
            QVERIFY2(curve, qPrintable(channel));
            QVERIFY(curve->timesSec.size() > 10);
            QCOMPARE(curve->mean.size(), curve->timesSec.size());
            QVERIFY2(std::abs(curve->timesSec.front() - nowSec) < 10.0,
                     qPrintable(QString::number(curve->timesSec.front() - nowSec)));
            for (int i = 0; i < curve->timesSec.size(); ++i) {
                QVERIFY(std::isfinite(curve->mean[i]) && curve->sd[i] >= 0.0);
                if (i > 0)
                    QVERIFY(curve->timesSec[i] > curve->timesSec[i - 1]);
            }
        }
        const double od = latestValue(store, QStringLiteral("od"));
        const double odForecast = curveOf(curves, QStringLiteral("od"))->mean.front();
        QVERIFY2(std::abs(odForecast - od) < 0.25 * od + 0.5,
                 qPrintable(QStringLiteral("forecast %1, measured %2").arg(odForecast).arg(od)));
        const double volume = latestValue(store, QStringLiteral("volume"));
        const double volumeForecast = curveOf(curves, QStringLiteral("volume"))->mean.front();
        QVERIFY2(
            std::abs(volumeForecast - volume) < 0.05 * volume,
            qPrintable(QStringLiteral("forecast %1 mL, measured %2 mL").arg(volumeForecast).arg(volume)));

        // The recommendation: within the pump's hard limits, for one optimiser interval, as the card's text.
        const QList<QVariant> last = recommendations.last();
        const QString text = last.at(0).toString();
        const double rate = last.at(1).toDouble();
        QVERIFY2(rate >= 0.0 && rate <= session.feed()->limits().maximum, qPrintable(QString::number(rate)));
        QVERIFY(std::abs(last.at(2).toDouble() - 2.0) < 1e-6);
        QVERIFY2(text.startsWith(QStringLiteral("feed ")) &&
                     text.contains(QStringLiteral("mL/h for the next 2 h")),
                 qPrintable(text));

        // A viewer may not apply it: refused below the UI, nothing changes.
        QVERIFY(!prediction->applyRecommendation(Actor{QStringLiteral("visitor"), Role::Viewer}).isEmpty());
        QCOMPARE(session.feed()->targetRate(), 37.0);
        // The operator applies it: the same FeedController path as a manual change.
        const double applied = std::round(prediction->recommendedRateMlPerH() * 10.0) / 10.0;
        QVERIFY(prediction->applyRecommendation(Actor{options.user, Role::Operator}).isEmpty());
        QCOMPARE(session.feed()->targetRate(), applied);
        QTRY_COMPARE_WITH_TIMEOUT(latestValue(store, QStringLiteral("feed_rate")), applied, 5000);

        session.shutdown();
        QVERIFY(stopped.wait(10000));
        QVERIFY(!prediction->isRunning());

        bool found = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("audit"));
            db.setDatabaseName(runFile);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT user, object, old_value, new_value, reason FROM audit "
                                          "WHERE reason LIKE 'model recommendation:%'")));
            while (q.next()) {
                QVERIFY(!found); // exactly one accepted change
                found = true;
                QCOMPARE(q.value(0).toString(), options.user);
                QCOMPARE(q.value(1).toString(), QStringLiteral("feed_pump.rate"));
                QCOMPARE(q.value(2).toDouble(), 37.0);
                QCOMPARE(q.value(3).toDouble(), applied);
                QVERIFY(q.value(4).toString().contains(QStringLiteral("mL/h")));
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("audit"));
        QVERIFY(found);
    }

    void nothingToModelBeforeReadingsArrive()
    {
        ReactorSession::Options options;
        options.simulatorProgram = QStringLiteral(RD_SIM_PATH);
        options.runFile = m_dir.filePath(QStringLiteral("idle.rdrun"));
        ReactorSession session(options); // not started: no readings
        PredictionCoordinator *prediction = session.prediction();
        QVERIFY(!prediction->submitNow());
        QVERIFY(!prediction->lastError().isEmpty());
        QVERIFY(!prediction->hasRecommendation());
        QVERIFY(!prediction->applyRecommendation(Actor{options.user, Role::Operator}).isEmpty());
        QCOMPARE(session.feed()->targetRate(), 0.0);
    }

    void feedConcentrationFromTheCalculatorReachesTheModel()
    {
        ReactorSession::Options options;
        options.simulatorProgram = QStringLiteral(RD_SIM_PATH);
        options.runFile = m_dir.filePath(QStringLiteral("medium.rdrun"));
        ReactorSession session(options);
        PredictionCoordinator *prediction = session.prediction();
        QCOMPARE(prediction->feedSubstrateConcentration(), 400.0); // the demo parameter file
        QCOMPARE(prediction->setFeedSubstrateConcentration(250.0), QString());
        QCOMPARE(prediction->feedSubstrateConcentration(), 250.0);
        QVERIFY(!prediction->setFeedSubstrateConcentration(-5.0).isEmpty());
        QVERIFY(!prediction->setFeedSubstrateConcentration(qQNaN()).isEmpty());
        QCOMPARE(prediction->feedSubstrateConcentration(), 250.0);
    }

    void badParameterFileIsNamedInTheError()
    {
        const QString path = m_dir.filePath(QStringLiteral("bad-model.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"mode": "fed-batch", "kinetics": {"mu_max": 0.35, "Yxs": 0.5, "Kz": 1},
                      "feed": {"S_in": 400, "profile": {"type": "constant", "F": 0}},
                      "initial": {"X": 0.5, "S": 10, "P": 0, "V": 1}})");
        file.close();
        ReactorSession::Options options;
        options.simulatorProgram = QStringLiteral(RD_SIM_PATH);
        options.runFile = m_dir.filePath(QStringLiteral("bad.rdrun"));
        ReactorSession session(options);
        PredictionCoordinator::Options coordinatorOptions = PredictionCoordinator::optionsFor(&session);
        coordinatorOptions.parameterFile = path;
        PredictionCoordinator coordinator(&session, coordinatorOptions);
        QVERIFY(!coordinator.submitNow());
        QVERIFY2(coordinator.lastError().contains(path) &&
                     coordinator.lastError().contains(QStringLiteral("Kz")),
                 qPrintable(coordinator.lastError()));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestPredictionLive)
#include "tst_prediction_live.moc"
