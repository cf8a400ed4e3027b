// Time zero on a simulator restart, against the real simulator process at 1800x: the old culture grows, the
// feed is handed to the model plan, then the simulator is killed with SIGKILL. When the session has restarted
// it (physics from the start), the models are reset: time zero is the restart, the recommendation and the
// forecast are cleared, the run file notes "simulator restarted: models reset", and the model plan counts as
// stale (holding the rate, low alarm) until the first plan computed on the new culture, whose forecast starts
// from the new culture's readings, not the old one's.
#include "ActuatorControl.h"
#include "AlarmManager.h"
#include "ControlSystem.h"
#include "FeedController.h"
#include "ModelPlanLink.h"
#include "ModelPredictiveMode.h"
#include "PredictionCoordinator.h"
#include "ReactorSession.h"
#include "SampleStore.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {
const Actor tester{QStringLiteral("tester"), Role::Operator};

double latestOd(const SampleStore *store)
{
    const auto &series = store->series(QStringLiteral("od"));
    return series.empty() ? 0.0 : series.back().value;
}

QStringList eventTexts(const QString &runFile)
{
    QStringList texts;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("events"));
        db.setDatabaseName(runFile);
        if (db.open()) {
            QSqlQuery q(QStringLiteral("SELECT text FROM events ORDER BY rowid"), db);
            while (q.next())
                texts << q.value(0).toString();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("events"));
    return texts;
}
} // namespace

class TestSimulatorRestartModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void restartResetsTheModelsToTheNewCulture()
    {
        QTemporaryDir dir;
        const QString runFile = dir.filePath(QStringLiteral("restart.rdrun"));
        {
            ReactorSession::Options options;
            options.simulatorProgram = QStringLiteral(RD_SIM_PATH);
            options.speed = 1800;
            options.runFile = runFile;
            options.user = tester.user;
            ReactorSession session(options);
            PredictionCoordinator *models = session.prediction();
            models->setPeriodMs(1000);
            ModelPlanLink *link = session.modelPlan();
            ActuatorControl *pump = session.control()->actuators()->find(session.feed()->actuatorName());
            QSignalSpy started(&session, &ReactorSession::simulatorStarted);
            QSignalSpy proposed(link, &ModelPlanLink::planProposed);
            QSignalSpy forecasts(models, &PredictionCoordinator::forecastReady);
            session.start();
            QVERIFY(started.wait(10000));

            // The old culture grows well past its inoculum (OD ~1.25) and the model plan follows it.
            QTRY_VERIFY_WITH_TIMEOUT(latestOd(session.store()) > 4.0 && models->hasRecommendation(), 30000);
            QVERIFY(pump->setMode(std::make_unique<ModelPredictiveMode>(2000, false), tester).isEmpty());
            QVERIFY(proposed.wait(10000));
            const double oldOd = latestOd(session.store());
            const double oldStart = models->runStartSec();

            QSignalSpy reset(models, &PredictionCoordinator::modelsReset);
            QSignalSpy restarted(&session, &ReactorSession::simulatorRestarted);
            bool clearedAtReset = false;
            connect(models, &PredictionCoordinator::modelsReset, this, [&] {
                clearedAtReset = !models->hasRecommendation();
                for (const ForecastCurve &curve : models->lastForecast())
                    clearedAtReset &= curve.timesSec.isEmpty();
            });
            const double killedAt = QDateTime::currentMSecsSinceEpoch() / 1000.0;
            ::kill(pid_t(started.last().at(1).toLongLong()), SIGKILL);
            QVERIFY(restarted.wait(15000));
            QCOMPARE(reset.count(), 1);
            QVERIFY(clearedAtReset);
            QVERIFY(models->runStartSec() > killedAt);
            QVERIFY(models->runStartSec() > oldStart);
            QVERIFY(!forecasts.isEmpty());
            for (const ForecastCurve &curve : forecasts.last().at(0).value<QVector<ForecastCurve>>())
                QVERIFY(curve.timesSec.isEmpty()); // the overlay is told to clear

            // The pump link came back; the operator hands the feed to the model again (a lost link sent it to
            // manual). Until the first plan on the new culture the link counts as stale.
            QTRY_VERIFY_WITH_TIMEOUT(!session.feed()->isInhibited() &&
                                         pump->modeKind() == ControlModeKind::Manual &&
                                         latestOd(session.store()) < oldOd / 2,
                                     15000);
            proposed.clear();
            QVERIFY(pump->setMode(std::make_unique<ModelPredictiveMode>(2000, false), tester).isEmpty());
            QVERIFY(link->isStale());
            const AlarmStatus alarm = session.control()->alarms()->status(ModelPlanLink::staleAlarmId());
            QVERIFY(alarm.conditionActive);
            QVERIFY(!static_cast<ModelPredictiveMode *>(pump->mode())->hasActivePlan());

            forecasts.clear();
            QVERIFY(proposed.wait(15000));
            QVERIFY(!link->isStale());
            QVERIFY(!session.control()->alarms()->status(ModelPlanLink::staleAlarmId()).conditionActive);
            // The forecast it came with starts from the new culture: near its OD, far below the old one's.
            QVERIFY(!forecasts.isEmpty());
            const QVector<ForecastCurve> curves = forecasts.last().at(0).value<QVector<ForecastCurve>>();
            const double newOd = latestOd(session.store());
            for (const ForecastCurve &curve : curves) {
                if (curve.channel != QLatin1String("od"))
                    continue;
                QVERIFY(!curve.mean.isEmpty());
                QVERIFY(curve.timesSec.first() > killedAt);
                qInfo("OD before the kill %.2f, new culture %.2f, forecast from %.2f", oldOd, newOd,
                      curve.mean.first());
                QVERIFY(curve.mean.first() < oldOd / 2);
                QVERIFY(std::abs(curve.mean.first() - newOd) < 0.5 * newOd + 0.3);
            }

            QSignalSpy stopped(&session, &ReactorSession::stopped);
            session.shutdown();
            QVERIFY(stopped.wait(10000));
        }
        QVERIFY(eventTexts(runFile).contains(QStringLiteral("simulator restarted: models reset")));
    }
};

QTEST_MAIN(TestSimulatorRestartModels)
#include "tst_simulator_restart_models.moc"
