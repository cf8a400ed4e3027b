// "Limits and alarm settings" on a real ControlSystem and run file (offscreen): an operator's change is
// refused below the dialog; an admin may tighten an actuator's limits but not leave the station's hard range
// or drop its rate-of-change limit; a level alarm's limit and delays change; every change and refusal is in
// the run's audit table.
#include "ActuatorLimitsEditor.h"
#include "AlarmLimitsEditor.h"
#include "AlarmManager.h"
#include "ControlSystem.h"
#include "FeedController.h"
#include "LimitsDialog.h"
#include "RunRecorder.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class TestLimitsDialog : public QObject
{
    Q_OBJECT
private:
    static int auditCount(const QString &runFile, const QString &where)
    {
        int count = -1;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
            db.setDatabaseName(runFile);
            if (db.open()) {
                QSqlQuery query(db);
                if (query.exec(QStringLiteral("SELECT COUNT(*) FROM audit WHERE ") + where) && query.next())
                    count = query.value(0).toInt();
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
        return count;
    }

    template <typename T> static T *child(QWidget *parent, const char *name)
    {
        T *found = parent->findChild<T *>(QLatin1String(name));
        if (!found)
            qFatal("no child %s", name);
        return found;
    }

private Q_SLOTS:
    void changesGoThroughTheChecksAndTheAudit()
    {
        QStandardPaths::setTestModeEnabled(true);
        QTemporaryDir dir;
        const QString runFile = dir.filePath(QStringLiteral("limits.rdrun"));
        {
            RunRecorder recorder(runFile, {{QStringLiteral("station"), QStringLiteral("test")}});
            recorder.start();
            ControlSystem control(&recorder, dir.filePath(QStringLiteral("u.sqlite")));
            QList<double> sent;
            ActuatorControl *pump = control.addActuator(
                QStringLiteral("feed_pump"), ActuatorLimits{0, 100, 0, QStringLiteral("mL/h"), 5.0},
                [&sent](double rate, std::function<void(bool, const QString &)> done) {
                    sent.append(rate);
                    done(true, {});
                },
                QStringLiteral("Feed pump"));
            AlarmDefinition glucoseHigh;
            glucoseHigh.id = QStringLiteral("glucose.high");
            glucoseHigh.text = QStringLiteral("Glucose high");
            glucoseHigh.condition = AlarmCondition::HighLimit;
            glucoseHigh.channel = QStringLiteral("glucose");
            glucoseHigh.limit = 20.0;
            QVERIFY(control.alarms()->addAlarm(glucoseHigh).isEmpty());

            LimitsDialog dialog(&control);
            ActuatorLimitsEditor *limits = dialog.actuatorEditor();
            // The operator reads the actuator's name; the id stays the item's data.
            auto *actuatorChoice = child<QComboBox>(limits, "actuatorChoice");
            QCOMPARE(actuatorChoice->currentText(), QStringLiteral("Feed pump"));
            QCOMPARE(actuatorChoice->currentData().toString(), QStringLiteral("feed_pump"));
            QCOMPARE(child<QDoubleSpinBox>(limits, "limitMaximum")->value(), 100.0);
            QCOMPARE(child<QDoubleSpinBox>(limits, "limitMaxChange")->value(), 5.0);

            // Nobody signed in is a viewer: refused below the dialog.
            child<QDoubleSpinBox>(limits, "limitMaximum")->setValue(80);
            child<QLineEdit>(limits, "limitReason")->setText(QStringLiteral("new tubing"));
            QVERIFY(!limits->apply().isEmpty());
            QVERIFY(child<QLabel>(limits, "limitResult")->text().startsWith(QStringLiteral("Refused")));
            QCOMPARE(pump->feed()->limits().maximum, 100.0);

            QSignalSpy signedIn(control.users(), &UserSession::actorChanged);
            control.users()->createFirstAdminAndSignIn(QStringLiteral("ada"), QStringLiteral("s3cret-pass"));
            QVERIFY(signedIn.wait(10000));
            QCOMPARE(control.actor().role, Role::Admin);

            // Beyond the station's hard range: refused even for an admin, and the error says why.
            child<QDoubleSpinBox>(limits, "limitMaximum")->setValue(150);
            const QString wider = limits->apply();
            QVERIFY2(wider.contains(QStringLiteral("hard range")), qPrintable(wider));
            QVERIFY2(child<QLabel>(limits, "limitResult")
                         ->text()
                         .startsWith(QStringLiteral("Refused: Feed pump: ")),
                     qPrintable(child<QLabel>(limits, "limitResult")->text()));
            QCOMPARE(pump->feed()->limits().maximum, 100.0);
            // The station's rate-of-change limit cannot be removed.
            child<QDoubleSpinBox>(limits, "limitMaximum")->setValue(80);
            child<QDoubleSpinBox>(limits, "limitMaxChange")->setValue(0);
            QVERIFY(!limits->apply().isEmpty());
            QCOMPARE(pump->feed()->limits().maxChangePerSecond, 5.0);
            // Tightening is allowed.
            child<QDoubleSpinBox>(limits, "limitMaxChange")->setValue(2);
            QCOMPARE(limits->apply(), QString());
            QCOMPARE(pump->feed()->limits().maximum, 80.0);
            QCOMPARE(pump->feed()->limits().maxChangePerSecond, 2.0);
            QCOMPARE(child<QLabel>(limits, "limitResult")->text(), QStringLiteral("Applied."));
            QVERIFY(pump->setManualRate(90, control.actor()).contains(QStringLiteral("outside")));

            AlarmLimitsEditor *alarm = dialog.alarmEditor();
            QCOMPARE(child<QDoubleSpinBox>(alarm, "alarmLimit")->value(), 20.0);
            child<QDoubleSpinBox>(alarm, "alarmLimit")->setValue(25);
            child<QDoubleSpinBox>(alarm, "alarmDeadband")->setValue(0.5);
            child<QDoubleSpinBox>(alarm, "alarmOnDelay")->setValue(5);
            QCOMPARE(alarm->apply(), QString());
            const AlarmDefinition changed = control.alarms()->status(glucoseHigh.id).definition;
            QCOMPARE(changed.limit, 25.0);
            QCOMPARE(changed.deadband, 0.5);
            QCOMPARE(changed.onDelayMs, qint64(5000));

            control.users()->signOut();
            child<QDoubleSpinBox>(alarm, "alarmLimit")->setValue(40);
            QVERIFY(!alarm->apply().isEmpty());
            QCOMPARE(control.alarms()->status(glucoseHigh.id).definition.limit, 25.0);
            recorder.stop();
        }
        QCOMPARE(
            auditCount(runFile, QStringLiteral("object = 'feed_pump.limits' AND reason NOT LIKE 'refused%'")),
            1);
        QCOMPARE(
            auditCount(runFile, QStringLiteral("object = 'feed_pump.limits' AND reason LIKE 'refused%'")), 3);
        QCOMPARE(auditCount(runFile, QStringLiteral("object = 'alarm.glucose.high'")), 2);
    }
};

QTEST_MAIN(TestLimitsDialog)
#include "tst_limits_dialog.moc"
