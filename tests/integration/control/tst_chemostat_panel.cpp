// Chemostat from the Control panel (offscreen) on real control objects: with the station's harvest pump
// known, choosing Chemostat on the feed pump asks for D and the volume setpoint and starts level control on
// the harvest pump through its ActuatorControl (permissions, limits, hold on missing inputs). And the Control
// dock's wiring: the feed pump's panel knows the harvest, the PID pages carry the demo's default loops.
#include "ActuatorBank.h"
#include "ControlDocks.h"
#include "ControlModePanel.h"
#include "ControlSystem.h"
#include "RunRecorder.h"

#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QMainWindow>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

class TestChemostatPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void chemostatStartsLevelControlOnTheHarvest()
    {
        QTemporaryDir dir;
        RunRecorder recorder(dir.filePath(QStringLiteral("r.rdrun")), {});
        recorder.start();
        ControlSystem control(&recorder, dir.filePath(QStringLiteral("u.sqlite")));
        QHash<QString, QList<double>> sent;
        auto add = [&](const char *name, double maximum) {
            const QString actuator = QString::fromLatin1(name);
            return control.addActuator(
                actuator, ActuatorLimits{0, maximum, 0, QStringLiteral("mL/h"), 0},
                [&sent, actuator](double rate, std::function<void(bool, const QString &)> done) {
                    sent[actuator].append(rate);
                    done(true, {});
                },
                QStringLiteral("Pumps"));
        };
        ActuatorControl *feed = add("feed_pump", 100);
        ActuatorControl *harvest = add("harvest_pump", 500);
        QCOMPARE(control.harvestFor(QStringLiteral("feed_pump")), harvest);
        QCOMPARE(control.harvestFor(QStringLiteral("harvest_pump")), nullptr);

        ControlModePanel panel(feed, control.users());
        panel.setHarvestActuator(control.harvestFor(feed->name()));
        auto *mode = panel.findChild<QComboBox *>(QStringLiteral("mode"));
        auto *dilution = panel.findChild<QDoubleSpinBox *>(QStringLiteral("dilution"));
        auto *volume = panel.findChild<QDoubleSpinBox *>(QStringLiteral("volumeSetpoint"));
        auto *gain = panel.findChild<QDoubleSpinBox *>(QStringLiteral("levelGain"));
        QVERIFY(mode && dilution && volume && gain);
        mode->setCurrentIndex(mode->findData(int(ControlModeKind::Chemostat)));
        dilution->setValue(0.2);
        volume->setValue(450);
        gain->setValue(2.0);

        panel.applyMode(); // nobody signed in: refused, nothing changes
        QVERIFY(!panel.lastError().isEmpty());
        QCOMPARE(feed->modeKind(), ControlModeKind::Manual);
        QCOMPARE(harvest->modeKind(), ControlModeKind::Manual);

        control.users()->signInDemoOperator();
        panel.applyMode();
        QVERIFY2(panel.lastError().isEmpty(), qPrintable(panel.lastError()));
        QCOMPARE(feed->modeKind(), ControlModeKind::Chemostat);
        QCOMPARE(harvest->modeKind(), ControlModeKind::Level);

        auto readings = [&](double volumeMl, double feedRate, Quality baseQuality) {
            const qint64 now = control.clock()->nowMs();
            control.onReadings(
                {{QStringLiteral("volume"), now, volumeMl, QStringLiteral("mL"), Quality::Good},
                 {QStringLiteral("feed_rate"), now, feedRate, QStringLiteral("mL/h"), Quality::Good},
                 {QStringLiteral("base_rate"), now, 5.0, QStringLiteral("mL/h"), baseQuality}});
            feed->tick();
            harvest->tick();
        };
        // F = D x V; harvest = inflow (90 + 5) + 2/h x (500 - 450) mL.
        readings(500, 90, Quality::Good);
        QCOMPARE(sent[QStringLiteral("feed_pump")].last(), 100.0);
        QCOMPARE(sent[QStringLiteral("harvest_pump")].last(), 195.0);
        // An inflow it cannot trust: the harvest holds its rate.
        const qsizetype commands = sent[QStringLiteral("harvest_pump")].size();
        readings(520, 90, Quality::Bad);
        QCOMPARE(sent[QStringLiteral("harvest_pump")].size(), commands);
        // Far above the setpoint: clamped to the pump's hard maximum.
        readings(800, 90, Quality::Good);
        QCOMPARE(sent[QStringLiteral("harvest_pump")].last(), 500.0);
        // Below it the harvest stops rather than going negative.
        readings(300, 90, Quality::Good);
        QCOMPARE(sent[QStringLiteral("harvest_pump")].last(), 0.0);
        recorder.stop();
    }

    void controlDockWiresHarvestAndDemoPidDefaults()
    {
        QTemporaryDir dir;
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.path()); // nothing saved yet
        RunRecorder recorder(dir.filePath(QStringLiteral("r.rdrun")), {});
        recorder.start();
        ControlSystem control(&recorder, dir.filePath(QStringLiteral("u.sqlite")));
        for (const char *name : {"feed_pump", "harvest_pump", "stirrer"})
            control.addActuator(
                QString::fromLatin1(name), ActuatorLimits{0, 1200, 0, QStringLiteral("u"), 0},
                [](double, std::function<void(bool, const QString &)> done) { done(true, {}); },
                QStringLiteral("Vessel"));
        control.installDemoPidDefaults();
        QMainWindow window;
        ControlDocks docks(&window, &control);
        QCOMPARE(docks.modePanels().size(), 3);
        ControlModePanel *feedPanel = docks.modePanels().at(0);
        ControlModePanel *harvestPanel = docks.modePanels().at(1);
        ControlModePanel *stirrerPanel = docks.modePanels().at(2);
        // Only panels of actuators other than the harvest pump offer level control.
        QVERIFY(!feedPanel->findChild<QDoubleSpinBox *>(QStringLiteral("volumeSetpoint"))
                     ->parentWidget()
                     ->isHidden());
        QVERIFY(harvestPanel->findChild<QDoubleSpinBox *>(QStringLiteral("volumeSetpoint"))
                    ->parentWidget()
                    ->isHidden());
        auto *stirrerChannel = stirrerPanel->findChild<QComboBox *>(QStringLiteral("pidChannel"));
        QCOMPARE(stirrerChannel->currentData().toString(), QStringLiteral("do"));
        QCOMPARE(stirrerPanel->findChild<QDoubleSpinBox *>(QStringLiteral("kp"))->value(),
                 control.savedPidTuning(QStringLiteral("stirrer")).kp);
        auto *feedChannel = feedPanel->findChild<QComboBox *>(QStringLiteral("pidChannel"));
        QCOMPARE(feedChannel->currentData().toString(), QStringLiteral("glucose"));
        // Once the station's channels are known, the PID pages offer them by label and unit and keep each
        // loop's channel; one without a default loop shows the first.
        docks.setChannels({{QStringLiteral("glucose"), QStringLiteral("g/L"), QStringLiteral("Glucose")},
                           {QStringLiteral("do"), QStringLiteral("%sat"), QStringLiteral("Dissolved oxygen")},
                           {QStringLiteral("ph"), QStringLiteral("pH"), QStringLiteral("pH")}});
        QCOMPARE(stirrerChannel->count(), 3);
        QCOMPARE(stirrerChannel->currentData().toString(), QStringLiteral("do"));
        QCOMPARE(stirrerChannel->currentText(), QStringLiteral("Dissolved oxygen [%sat]"));
        QCOMPARE(feedChannel->currentText(), QStringLiteral("Glucose [g/L]"));
        QCOMPARE(harvestPanel->findChild<QComboBox *>(QStringLiteral("pidChannel"))->currentData().toString(),
                 QStringLiteral("glucose"));
        QCOMPARE(stirrerChannel->itemText(stirrerChannel->findData(QStringLiteral("ph"))),
                 QStringLiteral("pH"));
        recorder.stop();
    }
};

QTEST_MAIN(TestChemostatPanel)
#include "tst_chemostat_panel.moc"
