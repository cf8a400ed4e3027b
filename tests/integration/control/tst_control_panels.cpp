// The control widgets on real control objects (offscreen): alarm panel filters, acknowledge all visible,
// flood banner; the mode panel's requests refused for a viewer and applied for an operator; first-start admin
// creation and sign-in through the login dialog; stop-all through its keyboard shortcut.
#include "ActuatorBank.h"
#include "AlarmFilterModel.h"
#include "AlarmManager.h"
#include "AlarmPanel.h"
#include "AlarmTableModel.h"
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
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

// An alarm panel on a real AlarmManager and user session (nobody signed in), on a virtual clock.
struct AlarmPanelRig
{
    VirtualClock clock{0};
    AlarmManager alarms{&clock};
    QTemporaryDir dir;
    UserStore store{dir.filePath(QStringLiteral("u.sqlite"))};
    UserSession users{&store};
    AlarmPanel panel{&alarms, &users};
};

class TestControlPanels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void alarmPanelFiltersAcknowledgesAndShowsFloods()
    {
        AlarmPanelRig rig;
        AlarmManager &alarms = rig.alarms;
        UserSession &users = rig.users;
        AlarmPanel &panel = rig.panel;
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

    void alarmPanelShelvesAndTakesOutOfServiceKeepingTheSelection()
    {
        AlarmPanelRig rig;
        AlarmManager &alarms = rig.alarms;
        UserSession &users = rig.users;
        AlarmPanel &panel = rig.panel;
        panel.filterModel()->setStateFilter(AlarmFilterModel::StateFilter::All);
        for (const char *id : {"do_low", "ph_high"}) {
            AlarmDefinition d;
            d.id = QString::fromLatin1(id);
            d.text = d.id;
            alarms.addAlarm(d);
        }
        auto button = [&panel](const QString &text) {
            for (QPushButton *b : panel.findChildren<QPushButton *>())
                if (b->text().remove(QLatin1Char('&')) == text)
                    return b;
            return static_cast<QPushButton *>(nullptr);
        };
        QPushButton *unshelve = button(QStringLiteral("Unshelve"));
        QPushButton *returnToService = button(QStringLiteral("Return to service"));
        QPushButton *outOfService = button(QStringLiteral("Out of service..."));
        QVERIFY(unshelve && returnToService && outOfService);
        QVERIFY(!outOfService->isEnabled()); // nothing selected

        alarms.setCondition(QStringLiteral("do_low"), true);
        panel.view()->selectRow(0);
        QCOMPARE(panel.view()->currentIndex().data(AlarmTableModel::IdRole).toString(),
                 QStringLiteral("do_low"));
        QVERIFY(outOfService->isEnabled() && !returnToService->isEnabled() && !unshelve->isEnabled());
        // Another alarm changing state does not take the selection away.
        alarms.setCondition(QStringLiteral("ph_high"), true);
        alarms.setFault(QStringLiteral("link.ph"), AlarmKind::Communication, QStringLiteral("pH probe lost"),
                        true);
        QCOMPARE(panel.filterModel()->rowCount(), 3);
        QVERIFY(panel.view()->selectionModel()->isRowSelected(0, {}));

        users.signInDemoOperator();
        panel.removeSelectedFromService(QStringLiteral("probe being recalibrated"));
        QVERIFY(!panel.lastError().isEmpty()); // an operator may not: supervisors only
        QCOMPARE(alarms.status(QStringLiteral("do_low")).state, AlarmState::ActiveUnacked);

        users.signOut();
        users.createFirstAdminAndSignIn(QStringLiteral("sam"), QStringLiteral("correct horse 12"));
        QTRY_VERIFY_WITH_TIMEOUT(users.actor().role == Role::Admin,
                                 20000); // an admin has a supervisor's rights
        panel.removeSelectedFromService(QString());
        QVERIFY(panel.lastError().contains(QStringLiteral("reason")));
        panel.removeSelectedFromService(QStringLiteral("probe being recalibrated"));
        QVERIFY2(panel.lastError().isEmpty(), qPrintable(panel.lastError()));
        QCOMPARE(alarms.status(QStringLiteral("do_low")).state, AlarmState::OutOfService);
        QVERIFY(returnToService->isEnabled() && !outOfService->isEnabled());
        panel.returnSelectedToService();
        QVERIFY(panel.lastError().isEmpty());
        QVERIFY(alarms.status(QStringLiteral("do_low")).state != AlarmState::OutOfService);

        panel.view()->selectRow(1); // ph_high
        alarms.shelve(QStringLiteral("ph_high"), users.actor(), QStringLiteral("known drift"), 60000);
        QVERIFY(unshelve->isEnabled());
        panel.unshelveSelected();
        QVERIFY(panel.lastError().isEmpty());
        QCOMPARE(alarms.status(QStringLiteral("ph_high")).state, AlarmState::ActiveUnacked);
        QVERIFY(!unshelve->isEnabled());
    }

    void alarmValuesCarryTheirChannelsUnit()
    {
        AlarmPanelRig rig;
        AlarmManager &alarms = rig.alarms;
        AlarmPanel &panel = rig.panel;
        AlarmDefinition hot;
        hot.id = QStringLiteral("temperature.high");
        hot.channel = QStringLiteral("temperature");
        hot.condition = AlarmCondition::HighLimit;
        hot.limit = 39.0;
        alarms.addAlarm(hot);
        alarms.update({QStringLiteral("temperature"), 1000, 39.5, QStringLiteral("degC"), Quality::Good});
        QCOMPARE(panel.filterModel()->rowCount(), 1);
        const QModelIndex value = panel.filterModel()->index(0, AlarmTableModel::Value);
        QCOMPARE(value.data().toString(), QStringLiteral("39.5"));
        panel.setChannels(
            {{QStringLiteral("temperature"), QStringLiteral("degC"), QStringLiteral("Temperature")}});
        QCOMPARE(value.data().toString(), QString::fromUtf8("39.5 °C"));

        AlarmDefinition crash; // a rate-of-change alarm's value is its slope
        crash.id = QStringLiteral("do.crash");
        crash.channel = QStringLiteral("do");
        crash.condition = AlarmCondition::RateOfChange;
        crash.limit = -2.0;
        crash.rateWindowMs = 60000;
        alarms.addAlarm(crash);
        panel.setChannels(
            {{QStringLiteral("do"), QStringLiteral("%sat"), QStringLiteral("Dissolved oxygen")}});
        for (int i = 0; i <= 6; ++i)
            alarms.update({QStringLiteral("do"), 10000 + i * 10000, 90.0 - i * 0.5, QStringLiteral("%sat"),
                           Quality::Good});
        QCOMPARE(panel.filterModel()->rowCount(), 2);
        QCOMPARE(panel.filterModel()->index(1, AlarmTableModel::Value).data().toString(),
                 QStringLiteral("-3 %sat/min"));
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

    void alarmPanelFiltersByKind()
    {
        AlarmPanelRig rig;
        AlarmManager &alarms = rig.alarms;
        UserSession &users = rig.users;
        AlarmPanel &panel = rig.panel;
        AlarmDefinition glucoseHigh;
        glucoseHigh.id = QStringLiteral("glucose.high");
        glucoseHigh.text = QStringLiteral("Glucose high");
        alarms.addAlarm(glucoseHigh);
        alarms.setCondition(glucoseHigh.id, true);
        alarms.setFault(QStringLiteral("instrument.ph"), AlarmKind::Instrument, QStringLiteral("pH Bad"),
                        true);
        alarms.setFault(QStringLiteral("link.balance"), AlarmKind::Communication,
                        QStringLiteral("Balance lost"), true);
        alarms.setFault(QStringLiteral("recording.backlog"), AlarmKind::System, QStringLiteral("Backlog"),
                        true);
        auto visible = [&panel] {
            QStringList ids = panel.filterModel()->visibleIds();
            ids.sort();
            return ids;
        };
        QCOMPARE(visible().size(), 4);

        // Through the panel's own combo box, as the operator chooses.
        auto *kind = panel.findChild<QComboBox *>(QStringLiteral("kindFilter"));
        QVERIFY(kind);
        QCOMPARE(kind->currentText(), QStringLiteral("All kinds"));
        kind->setCurrentIndex(kind->findText(QStringLiteral("Process")));
        QCOMPARE(visible(), QStringList{QStringLiteral("glucose.high")});
        kind->setCurrentIndex(kind->findText(QStringLiteral("Instrument and communication")));
        QCOMPARE(visible(), (QStringList{QStringLiteral("instrument.ph"), QStringLiteral("link.balance")}));
        kind->setCurrentIndex(kind->findText(QStringLiteral("System")));
        QCOMPARE(visible(), QStringList{QStringLiteral("recording.backlog")});

        // "Acknowledge all visible" acknowledges only the kind shown; the filter follows new faults.
        users.signInDemoOperator();
        kind->setCurrentIndex(kind->findText(QStringLiteral("Instrument and communication")));
        panel.acknowledgeAllVisible();
        QVERIFY2(panel.lastError().isEmpty(), qPrintable(panel.lastError()));
        QCOMPARE(alarms.status(QStringLiteral("link.balance")).state, AlarmState::ActiveAcked);
        QCOMPARE(alarms.status(glucoseHigh.id).state, AlarmState::ActiveUnacked);
        QCOMPARE(alarms.status(QStringLiteral("recording.backlog")).state, AlarmState::ActiveUnacked);
        alarms.setFault(QStringLiteral("instrument.do"), AlarmKind::Instrument, QStringLiteral("DO Bad"),
                        true);
        QCOMPARE(visible().size(), 3);
        kind->setCurrentIndex(kind->findText(QStringLiteral("All kinds")));
        QCOMPARE(visible().size(), 5);
    }

    void modePanelSpeaksTheOperatorsLanguage()
    {
        QTemporaryDir dir;
        RunRecorder recorder(dir.filePath(QStringLiteral("r.rdrun")), {});
        recorder.start();
        ControlSystem control(&recorder, dir.filePath(QStringLiteral("u.sqlite")));
        ActuatorControl *pump = control.addActuator(
            QStringLiteral("feed_pump"), ActuatorLimits{0, 100, 0, QStringLiteral("mL/h"), 0},
            [](double, std::function<void(bool, const QString &)> done) { done(true, {}); },
            QStringLiteral("Feed pump"));
        ControlModePanel panel(pump, control.users());
        auto labelTexts = [&panel] {
            QStringList texts;
            for (QLabel *label : panel.findChildren<QLabel *>())
                texts << label->text();
            return texts;
        };
        auto *box = panel.findChild<QGroupBox *>();
        QVERIFY(box);
        QCOMPARE(box->title(), QStringLiteral("Feed pump"));
        // The fed-batch form names each parameter with its unit, not by its symbol in the code.
        for (const char *text : {"Rate (0 to 100 mL/h):", "Growth rate μ_set [1/h]:", "Biomass X₀ [g/L]:",
                                 "Volume V₀ [mL]:", "Yield Y_x/s [g/g]:", "Feed glucose S_in [g/L]:"})
            QVERIFY2(labelTexts().contains(QString::fromUtf8(text)), text);
        QVERIFY(!labelTexts().contains(QStringLiteral("mu_set:")));
        auto *mu = panel.findChild<QDoubleSpinBox *>(QStringLiteral("muSet"));
        QVERIFY(mu && !mu->toolTip().isEmpty());
        // The starting rate follows the parameters: 0.1 x 5 x 1000 / (0.5 x 400) = 2.5 mL/h.
        QCOMPARE(panel.findChild<QLabel *>(QStringLiteral("startRate"))->text(), QStringLiteral("2.50 mL/h"));
        mu->setValue(0.2);
        QCOMPARE(panel.findChild<QLabel *>(QStringLiteral("startRate"))->text(), QStringLiteral("5.00 mL/h"));

        // The PID page offers channels by label and unit and starts the loop on the channel's id.
        panel.setChannels(
            {{QStringLiteral("glucose"), QStringLiteral("g/L"), QStringLiteral("Glucose")},
             {QStringLiteral("do"), QStringLiteral("%sat"), QStringLiteral("Dissolved oxygen")}});
        auto *mode = panel.findChild<QComboBox *>(QStringLiteral("mode"));
        mode->setCurrentIndex(mode->findData(int(ControlModeKind::Pid)));
        auto *channel = panel.findChild<QComboBox *>(QStringLiteral("pidChannel"));
        channel->setCurrentIndex(channel->findText(QStringLiteral("Dissolved oxygen [%sat]")));
        QCOMPARE(panel.findChild<QDoubleSpinBox *>(QStringLiteral("setpoint"))->suffix(),
                 QStringLiteral(" %sat"));
        QVERIFY(labelTexts().contains(QStringLiteral("Kp [mL/h per %sat]:")));
        control.users()->signInDemoOperator();
        panel.findChild<QDoubleSpinBox *>(QStringLiteral("setpoint"))->setValue(40);
        panel.applyMode();
        QVERIFY2(panel.lastError().isEmpty(), qPrintable(panel.lastError()));
        const auto *pid = dynamic_cast<const PidMode *>(pump->mode());
        QVERIFY(pid);
        QCOMPARE(pid->channel(), QStringLiteral("do"));
        QVERIFY2(labelTexts().contains(
                     QStringLiteral("PID: holds Dissolved oxygen at 40 %sat. Commanded 0 mL/h.")),
                 qPrintable(labelTexts().join(QLatin1Char('|'))));

        // A refusal from below the panel reads as a sentence naming the pump, not its id.
        mode->setCurrentIndex(mode->findData(int(ControlModeKind::Manual)));
        panel.findChild<QDoubleSpinBox *>(QStringLiteral("manualRate"))->setValue(250);
        panel.applyMode();
        QVERIFY(panel.lastError().startsWith(QStringLiteral("feed_pump: "))); // as the audit trail has it
        QVERIFY2(labelTexts().contains(
                     QStringLiteral("Feed pump: 250 mL/h is outside the hard limits 0 to 100 mL/h.")),
                 qPrintable(labelTexts().join(QLatin1Char('|'))));
        QVERIFY(labelTexts().contains(QStringLiteral("Manual control. Commanded 0 mL/h.")));
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
