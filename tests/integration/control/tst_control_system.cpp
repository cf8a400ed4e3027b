// ControlSystem's wiring with a real run file: a lost pump link raises a communication alarm, leaves
// automatic control and commands the safe value (again on reconnect); a Bad reading raises an instrument
// alarm; alarm transitions land in the run's events and operator actions (and refusals) in its audit table.
#include "ControlSystem.h"
#include "FedBatchMode.h"
#include "RunRecorder.h"
#include "StationLoader.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class TestControlSystem : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void linkLossAlarmsAndRunFile()
    {
        QStandardPaths::setTestModeEnabled(true);
        QTemporaryDir dir;
        const QString runFile = dir.filePath(QStringLiteral("cs.rdrun"));
        {
            RunRecorder recorder(runFile, {{QStringLiteral("station"), QStringLiteral("test")}});
            recorder.start();
            ControlSystem control(&recorder, dir.filePath(QStringLiteral("u.sqlite")));
            QList<double> sent;
            ActuatorControl *pump = control.addActuator(
                QStringLiteral("feed_pump"), ActuatorLimits{0, 100, 0, QStringLiteral("mL/h"), 0},
                [&sent](double rate, std::function<void(bool, const QString &)> done) {
                    sent.append(rate);
                    done(true, {});
                },
                QStringLiteral("Feed pump"));
            control.installStationSafety(
                StationLoader::loadFile(StationLoader::demoStationPath()).station.safety);
            QVERIFY(!pump->setManualRate(10, control.actor()).isEmpty()); // nobody signed in: refused
            control.users()->signInDemoOperator();
            QVERIFY(
                pump->setMode(std::make_unique<FedBatchMode>(FeedRateProfile::constant(30)), control.actor())
                    .isEmpty());
            QVERIFY(pump->commandProfile(ActuatorControl::ProfileCommand::Start, control.actor()).isEmpty());
            QCOMPARE(sent.last(), 30.0);

            control.onInstrumentState(QStringLiteral("Feed pump"), LinkState::Reconnecting,
                                      QStringLiteral("EIO"));
            QCOMPARE(sent.last(), 0.0);
            QCOMPARE(pump->modeKind(), ControlModeKind::Manual);
            const AlarmStatus link = control.alarms()->status(QStringLiteral("link.Feed pump"));
            QCOMPARE(link.definition.kind, AlarmKind::Communication);
            QCOMPARE(link.state, AlarmState::ActiveUnacked);
            const int before = sent.size();
            control.onInstrumentState(QStringLiteral("Feed pump"), LinkState::Reconnecting,
                                      QStringLiteral("EIO"));
            QCOMPARE(sent.size(), before); // one loss, one safe command
            control.onInstrumentState(QStringLiteral("Feed pump"), LinkState::Connected, QString());
            // A deliberate close (shutdown) is no loss: no alarm, no command.
            const int atClose = sent.size();
            control.onInstrumentState(QStringLiteral("Feed pump"), LinkState::Disconnected, QString());
            QCOMPARE(sent.size(), atClose);
            QCOMPARE(sent.size(), before + 1); // the safe value again, now that it can arrive
            QCOMPARE(control.alarms()->status(QStringLiteral("link.Feed pump")).state,
                     AlarmState::ReturnedUnacked);

            control.onReadings({{QStringLiteral("do"), 1000, 0, QStringLiteral("%sat"), Quality::Bad}});
            QCOMPARE(control.alarms()->status(QStringLiteral("instrument.do")).state,
                     AlarmState::ActiveUnacked);
            QVERIFY(
                control.alarms()->acknowledge(QStringLiteral("instrument.do"), control.actor()).isEmpty());
            recorder.stop();
        }
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        db.setDatabaseName(runFile);
        QVERIFY(db.open());
        QSqlQuery events(db);
        QVERIFY(events.exec(QStringLiteral("SELECT COUNT(*) FROM events WHERE kind = 'alarm'")));
        QVERIFY(events.next());
        QVERIFY2(events.value(0).toInt() >= 4, qPrintable(events.value(0).toString()));
        QSqlQuery audit(db);
        QVERIFY(audit.exec(QStringLiteral("SELECT COUNT(*) FROM audit WHERE reason LIKE 'refused%'")));
        QVERIFY(audit.next());
        QCOMPARE(audit.value(0).toInt(), 1);
        QVERIFY(
            audit.exec(QStringLiteral("SELECT COUNT(*) FROM audit WHERE object = 'alarm.instrument.do'")));
        QVERIFY(audit.next());
        QCOMPARE(audit.value(0).toInt(), 1);
        db.close();
    }
};

QTEST_GUILESS_MAIN(TestControlSystem)
#include "tst_control_system.moc"
