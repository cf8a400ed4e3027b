// The station file is the one source of the safety configuration. A lab station written to a temporary
// folder, with its own alarm, interlock and rate limit, runs against the simulator process: the feed pump's
// ramp follows maxChangePerSecond, the alarm raises on the delivered rate, and the interlock trips the pump
// to its safe state only after its delay, which the simulator then confirms. The delay also ignores
// excursions shorter than it (readings fed to ControlSystem directly), and the demo station gets its alarms
// and interlocks from demo.json by the same path.
#include "ControlSystem.h"
#include "ReactorSession.h"
#include "RunRecorder.h"
#include "SampleStore.h"
#include "StationLoader.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {
// The simulator's Reglo pump only: channel feed_rate (delivered), actuator feed_pump.
const QByteArray labStation = R"({
  "station": "Lab bench 3",
  "instruments": [
    {"name": "Feed pump", "driver": "reglo-icc", "port": "@sim:pump", "address": 1, "pollPeriodMs": 200,
     "timeoutMs": 300,
     "channels": [{"name": "feed_rate", "unit": "mL/h", "min": 0, "max": 500}],
     "actuators": [{"name": "feed_pump", "unit": "mL/h", "min": 0, "max": 100, "safe": 0,
                    "maxChangePerSecond": 20}]}
  ],
  "alarms": [
    {"id": "feed.fast", "channel": "feed_rate", "high": 25, "deadband": 1, "onDelayS": 0.3,
     "priority": "high", "text": "feed faster than planned"}
  ],
  "interlocks": [
    {"id": "tubing", "channel": "feed_rate", "above": 30, "delayS": 1, "actuators": ["feed_pump"],
     "text": "feed above the tubing rating: feed stopped"}
  ]
})";

double latestValue(SampleStore *store, const QString &channel)
{
    const auto &series = store->series(channel);
    return series.empty() ? qQNaN() : series.back().value;
}
} // namespace

class TestStationSafetySession : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // the user store goes to a test folder
        QVERIFY(m_dir.isValid());
    }

    void labStationAlarmAndInterlockOnTheSimulator()
    {
        const QString path = m_dir.filePath(QStringLiteral("lab.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(labStation);
        file.close();

        ReactorSession::Options options;
        options.simulatorProgram = QStringLiteral(RD_SIM_PATH);
        options.speed = 60;
        options.runFile = m_dir.filePath(QStringLiteral("lab.rdrun"));
        options.stationFile = path;
        ReactorSession session(options);
        QVERIFY2(session.stationErrors().isEmpty(), qPrintable(session.stationErrors().join('\n')));
        ControlSystem *control = session.control();
        // Only what the file says: none of the demo's alarms or interlocks.
        QVERIFY(control->alarms()->alarmIds().contains(QStringLiteral("feed.fast")));
        QVERIFY(control->alarms()->alarmIds().contains(QStringLiteral("interlock.tubing")));
        QVERIFY(!control->alarms()->alarmIds().contains(QStringLiteral("do.low")));
        QCOMPARE(control->interlocks()->interlocks().size(), 1);
        ActuatorControl *pump = control->actuators()->find(QStringLiteral("feed_pump"));
        QVERIFY(pump);
        QCOMPARE(pump->feed()->limits().maxChangePerSecond, 20.0);

        // The first Good delivered rate beyond the interlock's limit, by source time.
        qint64 firstOutsideMs = -1;
        connect(&session, &ReactorSession::readingsArrived, this, [&](const QList<Reading> &readings) {
            for (const Reading &r : readings)
                if (r.channel == QLatin1String("feed_rate") && r.quality == Quality::Good && r.value > 30 &&
                    firstOutsideMs < 0)
                    firstOutsideMs = r.sourceTimeMs;
        });
        qint64 trippedAtMs = -1;
        connect(control->interlocks(), &InterlockMonitor::tripped, this,
                [&] { trippedAtMs = QDateTime::currentMSecsSinceEpoch(); });
        QSignalSpy transitions(control->alarms(), &AlarmManager::transitioned);
        QSignalSpy sent(pump->feed(), &FeedController::commandSent);

        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(session.instrumentState(QStringLiteral("Feed pump")), LinkState::Connected,
                                  20000);
        control->users()->signInDemoOperator();
        QVERIFY(pump->setManualRate(40, control->actor(), QStringLiteral("test")).isEmpty());
        // The ramp from the file: at most 20 mL/h in the first step (which covers at most one second).
        QVERIFY(!sent.isEmpty());
        QVERIFY2(sent.first().at(0).toDouble() <= 20.0, qPrintable(sent.first().at(0).toString()));

        QTRY_VERIFY_WITH_TIMEOUT(control->interlocks()->isTripped(QStringLiteral("tubing")), 20000);
        QVERIFY(firstOutsideMs > 0);
        QVERIFY2(trippedAtMs - firstOutsideMs >= 1000,
                 qPrintable(QStringLiteral("tripped %1 ms after the first reading above 30")
                                .arg(trippedAtMs - firstOutsideMs)));
        QVERIFY(pump->feed()->isInhibited());
        QCOMPARE(pump->feed()->commandedRate(), 0.0);
        QVERIFY(!pump->setManualRate(10, control->actor(), QStringLiteral("test")).isEmpty()); // held safe
        // The simulator's pump really stopped.
        QTRY_COMPARE_WITH_TIMEOUT(latestValue(session.store(), QStringLiteral("feed_rate")), 0.0, 5000);

        // The station's alarm raised on the readings, with its priority and text, and the trip has its alarm.
        bool feedFastRaised = false;
        for (const QList<QVariant> &args : std::as_const(transitions)) {
            const auto t = args.at(0).value<AlarmTransition>();
            if (t.id == QLatin1String("feed.fast") && t.to == AlarmState::ActiveUnacked) {
                feedFastRaised = true;
                QCOMPARE(t.priority, AlarmPriority::High);
                QCOMPARE(t.text, QStringLiteral("feed faster than planned"));
                QVERIFY2(t.value > 25, qPrintable(QString::number(t.value)));
            }
        }
        QVERIFY(feedFastRaised);
        QCOMPARE(control->alarms()->status(QStringLiteral("interlock.tubing")).state,
                 AlarmState::ActiveUnacked);
        // Back below 25 - deadband: the alarm returns to normal (unacknowledged).
        QTRY_COMPARE_WITH_TIMEOUT(control->alarms()->status(QStringLiteral("feed.fast")).state,
                                  AlarmState::ReturnedUnacked, 5000);

        QSignalSpy stopped(&session, &ReactorSession::stopped);
        session.shutdown();
        QVERIFY(stopped.wait(10000));
    }

    void interlockDelayIgnoresShorterExcursions()
    {
        const StationLoadResult loaded = StationLoader::parse(labStation, QStringLiteral("lab.json"));
        QVERIFY2(loaded.ok(), qPrintable(loaded.errors.join('\n')));
        RunRecorder recorder(m_dir.filePath(QStringLiteral("delay.rdrun")), {});
        recorder.start();
        ControlSystem control(&recorder, m_dir.filePath(QStringLiteral("delay-users.sqlite")));
        QList<double> sent;
        ActuatorConfig config;
        QVERIFY(loaded.station.instrumentOfActuator(QStringLiteral("feed_pump"), &config));
        ActuatorControl *pump = control.addActuator(
            config.name, loaded.station.limitsOf(config),
            [&sent](double rate, std::function<void(bool, const QString &)> done) {
                sent.append(rate);
                done(true, {});
            },
            QStringLiteral("Feed pump"));
        control.installStationSafety(loaded.station.safety);
        control.users()->signInDemoOperator();
        QVERIFY(pump->setManualRate(10, control.actor()).isEmpty());
        QTRY_VERIFY(!sent.isEmpty() && sent.last() == 10.0); // reached through the 20 mL/h/s ramp

        auto feedRate = [&](qint64 timeMs, double value, Quality quality = Quality::Good) {
            control.onReadings(
                {{QStringLiteral("feed_rate"), timeMs, value, QStringLiteral("mL/h"), quality}});
        };
        feedRate(1000, 35);
        feedRate(1900, 35); // 0.9 s outside
        feedRate(2000, 10); // back inside before the 1 s delay
        QVERIFY(!control.interlocks()->isTripped(QStringLiteral("tubing")));
        feedRate(3000, 31);
        feedRate(3500, 80, Quality::Bad); // a Bad value neither trips nor ends the excursion
        feedRate(3999, 32);
        QVERIFY(!control.interlocks()->isTripped(QStringLiteral("tubing")));
        QVERIFY(!pump->feed()->isInhibited());
        feedRate(4000, 33); // outside for the whole delay
        QVERIFY(control.interlocks()->isTripped(QStringLiteral("tubing")));
        QVERIFY(pump->feed()->isInhibited());
        QCOMPARE(sent.last(), 0.0);
        QCOMPARE(control.alarms()->status(QStringLiteral("interlock.tubing")).state,
                 AlarmState::ActiveUnacked);
        recorder.stop();
    }

    void demoStationTakesTheSamePath()
    {
        ReactorSession::Options options;
        options.simulatorProgram = QStringLiteral(RD_SIM_PATH);
        options.runFile = m_dir.filePath(QStringLiteral("demo.rdrun"));
        ReactorSession session(options); // not started: only the configuration is looked at
        const StationLoadResult demo = StationLoader::loadFile(StationLoader::demoStationPath());
        QVERIFY(demo.ok());
        QStringList ids;
        for (const AlarmDefinition &d : demo.station.safety.alarms)
            ids.append(d.id);
        for (const Interlock &i : demo.station.safety.interlocks)
            ids.append(QStringLiteral("interlock.") + i.name);
        QCOMPARE(ids.size(), 11);
        for (const QString &id : std::as_const(ids))
            QVERIFY2(session.control()->alarms()->alarmIds().contains(id), qPrintable(id));
        QCOMPARE(session.control()->interlocks()->interlocks().size(), 3);
        for (ActuatorControl *actuator : session.control()->actuators()->actuators())
            QVERIFY2(actuator->feed()->limits().maxChangePerSecond > 0, qPrintable(actuator->name()));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestStationSafetySession)
#include "tst_station_safety_session.moc"
