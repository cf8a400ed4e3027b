// The control widgets on real control objects (offscreen): alarm panel filters, acknowledge all visible,
// flood banner; the mode panel's requests refused for a viewer and applied for an operator; first-start admin
// creation and sign-in through the login dialog; stop-all through its keyboard shortcut.
#include "ActuatorBank.h"
#include "AlarmFilterModel.h"
#include "AlarmManager.h"
#include "AlarmPanel.h"
#include "ControlDocks.h"
#include "ControlModePanel.h"
#include "ControlSystem.h"
#include "LoginDialog.h"
#include "PidMode.h"
#include "RunRecorder.h"
#include "StopAllAction.h"
#include "VirtualClock.h"

#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

class TestControlPanels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void alarmPanelFiltersAcknowledgesAndShowsFloods()
    {
        VirtualClock clock(0);
        AlarmManager alarms(&clock);
        QTemporaryDir dir;
        UserStore store(dir.filePath(QStringLiteral("u.sqlite")));
        UserSession users(&store);
        AlarmPanel panel(&alarms, &users);
        for (int i = 0; i < 12; ++i) {
            AlarmDefinition d;
            d.id = QStringLiteral("a%1").arg(i);
            d.text = d.id;
            d.priority = i < 4 ? AlarmPriority::High : AlarmPriority::Low;
            alarms.addAlarm(d);
        }
        QCOMPARE(panel.filterModel()->rowCount(), 0); // default filter: not normal
        for (int i = 0; i < 11; ++i)
            alarms.setCondition(QStringLiteral("a%1").arg(i), true);
        QCOMPARE(panel.filterModel()->rowCount(), 11);
        QVERIFY(panel.floodBannerVisible());

        panel.filterModel()->setMinimumPriority(int(AlarmPriority::High));
        QCOMPARE(panel.filterModel()->rowCount(), 4);
        panel.acknowledgeAllVisible(); // nobody signed in: refused
        QVERIFY(!panel.lastError().isEmpty());
        users.signInDemoOperator();
        panel.acknowledgeAllVisible();
        QVERIFY(panel.lastError().isEmpty());
        QCOMPARE(alarms.status(QStringLiteral("a0")).state, AlarmState::ActiveAcked);
        QCOMPARE(alarms.status(QStringLiteral("a5")).state, AlarmState::ActiveUnacked); // was filtered out
        panel.filterModel()->setMinimumPriority(0);
        panel.filterModel()->setStateFilter(AlarmFilterModel::StateFilter::Unacknowledged);
        QCOMPARE(panel.filterModel()->rowCount(), 7);
        panel.view()->selectRow(0);
        panel.acknowledgeSelected();
        QCOMPARE(panel.filterModel()->rowCount(), 6);
    }

    void modePanelGoesThroughTheChecks()
    {
        QTemporaryDir dir;
        RunRecorder recorder(dir.filePath(QStringLiteral("r.rdrun")), {});
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
        ControlModePanel panel(pump, control.users());
        panel.applyMode(); // manual at the spin box value, as nobody
        QVERIFY(!panel.lastError().isEmpty());
        QVERIFY(sent.isEmpty());
        control.users()->signInDemoOperator();
        auto *rate = panel.findChild<QDoubleSpinBox *>(QStringLiteral("manualRate"));
        QVERIFY(rate);
        rate->setValue(250); // above the hard maximum: refused below the widget
        panel.applyMode();
        QVERIFY(panel.lastError().contains(QStringLiteral("outside")));
        rate->setValue(25);
        panel.applyMode();
        QVERIFY(panel.lastError().isEmpty());
        QCOMPARE(sent, QList<double>{25.0});

        // PID tuning is saved per station and actuator when a PID mode starts.
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.path());
        control.setStationName(QStringLiteral("bench-7"));
        PidTuning tuning;
        tuning.kp = 12.5;
        tuning.ki = 0.25;
        QVERIFY(
            pump->setMode(std::make_unique<PidMode>(QStringLiteral("glucose"), 2.0, tuning), control.actor())
                .isEmpty());
        QCOMPARE(control.savedPidTuning(QStringLiteral("feed_pump")).kp, 12.5);
        control.setStationName(QStringLiteral("other"));
        QCOMPARE(control.savedPidTuning(QStringLiteral("feed_pump")).kp, PidTuning{}.kp);
        control.setStationName(QStringLiteral("bench-7"));
        tuning.kp = 20.0;
        QVERIFY(!pump->setPidTuning(tuning, control.actor()).isEmpty()); // an operator may not retune
        QVERIFY(pump->setPidTuning(tuning, {QStringLiteral("sam"), Role::Supervisor}).isEmpty());
        QCOMPARE(control.savedPidTuning(QStringLiteral("feed_pump")).kp, 20.0);
        QVERIFY(pump->setManualRate(25, control.actor()).isEmpty());

        // Stop-all from the keyboard: Ctrl+Shift+Space.
        QMainWindow window;
        auto *stop = new StopAllAction(&control, &window);
        window.addAction(stop);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy triggered(stop, &QAction::triggered);
        QTest::keyClick(&window, Qt::Key_Space, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(triggered.count(), 1);
        QCOMPARE(sent.last(), 0.0);
        recorder.stop();
    }

    void docksInstallIntoAMainWindow()
    {
        QTemporaryDir dir;
        RunRecorder recorder(dir.filePath(QStringLiteral("r.rdrun")), {});
        recorder.start();
        ControlSystem control(&recorder, dir.filePath(QStringLiteral("u.sqlite")));
        QList<double> sent;
        for (const char *name : {"feed_pump", "base_pump"})
            control.addActuator(
                QString::fromLatin1(name), ActuatorLimits{0, 50, 0, QStringLiteral("mL/h"), 0},
                [&sent](double rate, std::function<void(bool, const QString &)> done) {
                    sent.append(rate);
                    done(true, {});
                },
                QStringLiteral("Pumps"));
        QMainWindow window;
        window.setCentralWidget(new QWidget(&window));
        ControlDocks docks(&window, &control);
        QMenu menu;
        QToolBar *toolbar = window.addToolBar(QStringLiteral("t"));
        docks.install(&menu, toolbar);
        QCOMPARE(docks.modePanels().size(), 2);
        QVERIFY(window.findChild<QDockWidget *>(QStringLiteral("alarmDock")));
        QVERIFY(toolbar->actions().contains(docks.stopAllAction()));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        control.users()->signInDemoOperator();
        control.actuators()->find(QStringLiteral("base_pump"))->setManualRate(12, control.actor());
        // Esc pressed twice is the documented stop-all chord.
        QTest::keyClick(&window, Qt::Key_Escape);
        QTest::keyClick(&window, Qt::Key_Escape);
        QCOMPARE(sent.mid(sent.size() - 2), (QList<double>{0.0, 0.0}));
        recorder.stop();
    }

    void firstStartCreatesTheAdminAndSignsIn()
    {
        QTemporaryDir dir;
        UserStore store(dir.filePath(QStringLiteral("u.sqlite")));
        UserSession users(&store);
        LoginDialog first(&users);
        QVERIFY(QSignalSpy(&first, &LoginDialog::accountsChecked).wait(10000));
        QVERIFY(first.isFirstStart());
        const QList<QLineEdit *> fields = first.findChildren<QLineEdit *>();
        fields.at(0)->setText(QStringLiteral("ada"));
        fields.at(1)->setText(QStringLiteral("s3cret-pass"));
        fields.at(2)->setText(QStringLiteral("different"));
        first.submit();
        QVERIFY(first.message().contains(QStringLiteral("differ")));
        fields.at(2)->setText(QStringLiteral("s3cret-pass"));
        QSignalSpy changed(&users, &UserSession::actorChanged);
        first.submit();
        QVERIFY(changed.wait(10000));
        QCOMPARE(users.actor().role, Role::Admin);
        QCOMPARE(first.result(), int(QDialog::Accepted));

        users.signOut();
        LoginDialog again(&users);
        QVERIFY(QSignalSpy(&again, &LoginDialog::accountsChecked).wait(10000));
        QVERIFY(!again.isFirstStart());
        const QList<QLineEdit *> f = again.findChildren<QLineEdit *>();
        f.at(0)->setText(QStringLiteral("ada"));
        f.at(1)->setText(QStringLiteral("wrong-password"));
        QSignalSpy refused(&users, &UserSession::signInRefused);
        again.submit();
        QVERIFY(refused.wait(10000));
        QVERIFY(!again.message().isEmpty());
        QCOMPARE(users.actor().role, Role::Viewer);
    }
};

QTEST_MAIN(TestControlPanels)
#include "tst_control_panels.moc"
