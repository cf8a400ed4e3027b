// Control modes through ActuatorControl and FeedController on virtual time: fed-batch profiles (exponential
// formula, pause/resume keeping profile time), chemostat F = D V, bumpless switches, model plans with
// confirmation, and no Bad or Uncertain value ever reaching a controller.
#include "ActuatorControl.h"
#include "ChemostatMode.h"
#include "FedBatchMode.h"
#include "ManualMode.h"
#include "ModelPredictiveMode.h"
#include "PidMode.h"
#include "VirtualClock.h"

#include <QSignalSpy>
#include <QTest>

#include <cmath>

namespace {
const Actor operatorActor{QStringLiteral("olga"), Role::Operator};
constexpr qint64 hourMs = 3600000;

struct Rig
{
    VirtualClock clock{1000000};
    ProcessValues values{qint64(1) << 40};
    QList<double> sent;
    FeedController feed{QStringLiteral("feed_pump"),
                        ActuatorLimits{0.0, 100.0, 0.0, QStringLiteral("mL/h"), 0.0},
                        [this](double rate, std::function<void(bool, const QString &)> done) {
                            sent.append(rate);
                            done(true, {});
                        },
                        &clock};
    ActuatorControl control{&feed, &values, &clock, 1000};

    void reading(const QString &channel, double value, Quality quality = Quality::Good)
    {
        values.update({channel, clock.nowMs(), value, QString(), quality});
    }
};
} // namespace

class TestControlModes : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void profilesFollowTheirFormulas()
    {
        const FeedRateProfile exponential = FeedRateProfile::exponential(0.1, 5.0, 1000.0, 0.5, 400.0);
        // F0 = 0.1 * 5 g/L * 1000 mL / (0.5 * 400 g/L) = 2.5 mL/h
        QVERIFY(std::abs(exponential.rateAt(0.0) - 2.5) < 1e-12);
        QVERIFY(std::abs(exponential.rateAt(10.0) - 2.5 * std::exp(1.0)) < 1e-9);
        const FeedRateProfile ramp = FeedRateProfile::linearRamp(10.0, 30.0, 4.0);
        QCOMPARE(ramp.rateAt(1.0), 15.0);
        QCOMPARE(ramp.rateAt(9.0), 30.0);
        QString error;
        const FeedRateProfile table = FeedRateProfile::table({{0.0, 5.0}, {2.0, 8.0}, {5.0, 12.0}}, &error);
        QVERIFY(error.isEmpty());
        QCOMPARE(table.rateAt(1.99), 5.0);
        QCOMPARE(table.rateAt(2.0), 8.0);
        QCOMPARE(table.rateAt(50.0), 12.0);
        FeedRateProfile::table({{0.0, 5.0}, {3.0, 8.0}, {2.0, 1.0}}, &error);
        QVERIFY(error.contains(QStringLiteral("row 3")));
    }

    void pauseAndResumeKeepProfileTime()
    {
        Rig rig;
        QVERIFY(rig.control
                    .setMode(std::make_unique<FedBatchMode>(FeedRateProfile::linearRamp(0.0, 100.0, 10.0)),
                             operatorActor)
                    .isEmpty());
        QVERIFY(rig.control.commandProfile(ActuatorControl::ProfileCommand::Start, operatorActor).isEmpty());
        rig.clock.advanceMs(2 * hourMs);
        rig.control.tick();
        QCOMPARE(rig.feed.targetRate(), 20.0);
        rig.control.commandProfile(ActuatorControl::ProfileCommand::Pause, operatorActor);
        rig.clock.advanceMs(5 * hourMs); // paused: profile time stands still, the rate holds
        rig.control.tick();
        QCOMPARE(rig.feed.targetRate(), 20.0);
        rig.control.commandProfile(ActuatorControl::ProfileCommand::Resume, operatorActor);
        rig.clock.advanceMs(1 * hourMs);
        rig.control.tick();
        QCOMPARE(rig.feed.targetRate(), 30.0); // 3 h of profile time, not 8
        auto *mode = dynamic_cast<FedBatchMode *>(rig.control.mode());
        QVERIFY(std::abs(mode->profileHours(rig.clock.nowMs()) - 3.0) < 1e-9);
    }

    void chemostatFeedsDilutionTimesVolume()
    {
        Rig rig;
        rig.reading(QStringLiteral("volume"), 1200.0);
        rig.control.setMode(std::make_unique<ChemostatMode>(0.05), operatorActor);
        rig.control.tick();
        QCOMPARE(rig.feed.targetRate(), 60.0);
        // Without a usable volume the feed holds.
        rig.reading(QStringLiteral("volume"), 5000.0, Quality::Bad);
        rig.control.tick();
        QCOMPARE(rig.feed.targetRate(), 60.0);
    }

    void badOrUncertainValuesNeverReachThePid()
    {
        Rig rig;
        PidTuning tuning;
        tuning.kp = 10.0;
        tuning.ki = 0.0;
        rig.reading(QStringLiteral("glucose"), 2.0);
        rig.control.setMode(std::make_unique<PidMode>(QStringLiteral("glucose"), 2.0, tuning), operatorActor);
        rig.control.tick(); // first tick initialises bumplessly
        rig.clock.advanceMs(1000);
        rig.reading(QStringLiteral("glucose"), -50.0, Quality::Bad); // would ask for 520 mL/h
        rig.control.tick();
        rig.clock.advanceMs(1000);
        rig.reading(QStringLiteral("glucose"), -30.0, Quality::Uncertain);
        rig.control.tick();
        QVERIFY(rig.sent.isEmpty());
        QCOMPARE(rig.feed.commandedRate(), 0.0);
        QCOMPARE(rig.values.rejectedReadings(), 2);
    }

    void switchesAreBumpless()
    {
        Rig rig;
        QVERIFY(rig.control.setManualRate(37.0, operatorActor).isEmpty());
        QCOMPARE(rig.feed.commandedRate(), 37.0);
        PidTuning tuning;
        tuning.kp = 10.0;
        tuning.ki = 0.01;
        rig.reading(QStringLiteral("glucose"), 1.5); // 0.5 below setpoint: P alone would add 5 mL/h
        rig.control.setMode(std::make_unique<PidMode>(QStringLiteral("glucose"), 2.0, tuning), operatorActor);
        rig.control.tick();
        QCOMPARE(rig.feed.commandedRate(), 37.0);
        rig.clock.advanceMs(1000);
        rig.reading(QStringLiteral("glucose"), 1.5);
        rig.control.tick();
        // One second later only the integral moved: 0.01 * 0.5 * 1 s
        QVERIFY2(std::abs(rig.feed.commandedRate() - 37.005) < 1e-9,
                 qPrintable(QString::number(rig.feed.commandedRate())));
        // Back to manual: the output holds where PID left it.
        const double atSwitch = rig.feed.commandedRate();
        rig.control.setMode(std::make_unique<ManualMode>(), operatorActor);
        rig.clock.advanceMs(5000);
        rig.control.tick();
        QCOMPARE(rig.feed.commandedRate(), atSwitch);
    }

    void rateLimitSmoothsAModeSwitch()
    {
        Rig rig;
        ActuatorLimits limits = rig.feed.limits();
        limits.maxChangePerSecond = 2.0;
        QVERIFY(rig.feed.changeLimits(limits, {QStringLiteral("sam"), Role::Supervisor}, QStringLiteral("t"))
                    .isEmpty());
        rig.control.setMode(std::make_unique<FedBatchMode>(FeedRateProfile::constant(50.0)), operatorActor);
        rig.control.commandProfile(ActuatorControl::ProfileCommand::Start, operatorActor);
        for (int i = 0; i < 100; ++i) {
            rig.clock.advanceMs(FeedController::rampStepMs);
            rig.feed.advanceRamp();
        }
        QVERIFY2(std::abs(rig.feed.commandedRate() - 20.0) < 1e-9,
                 qPrintable(QString::number(rig.feed.commandedRate())));
        for (int i = 1; i < rig.sent.size(); ++i)
            QVERIFY(rig.sent[i] - rig.sent[i - 1] <= 2.0 * FeedController::rampStepMs / 1000.0 + 1e-9);
    }

    void modelPlanWaitsForConfirmation()
    {
        Rig rig;
        rig.control.setMode(std::make_unique<ModelPredictiveMode>(15 * 60000, true), operatorActor);
        QSignalSpy replan(&rig.control, &ActuatorControl::replanRequested);
        QSignalSpy pending(&rig.control, &ActuatorControl::planPending);
        rig.control.tick();
        QCOMPARE(replan.count(), 1); // the first plan is asked for at once
        FeedPlan plan{rig.clock.nowMs(), {{0.0, 12.0}, {1.0, 18.0}}, QStringLiteral("optimiser")};
        rig.control.proposePlan(plan);
        QCOMPARE(pending.count(), 1);
        rig.control.tick();
        QCOMPARE(rig.feed.targetRate(), 0.0); // not applied yet
        QVERIFY(!rig.control.confirmPlan({QStringLiteral("vic"), Role::Viewer}).isEmpty());
        QVERIFY(rig.control.confirmPlan(operatorActor).isEmpty());
        QCOMPARE(rig.feed.targetRate(), 12.0);
        rig.clock.advanceMs(hourMs);
        rig.control.tick();
        QCOMPARE(rig.feed.targetRate(), 18.0);
        QVERIFY(replan.count() >= 2); // an hour later it is due again

        // A plan outside the limits is clamped by the FeedController.
        Rig automatic;
        automatic.control.setMode(std::make_unique<ModelPredictiveMode>(15 * 60000, false), operatorActor);
        automatic.control.proposePlan({automatic.clock.nowMs(), {{0.0, 900.0}}, QStringLiteral("optimiser")});
        QCOMPARE(automatic.feed.targetRate(), 100.0);
    }

    void inhibitedActuatorIgnoresModes()
    {
        Rig rig;
        rig.control.setMode(std::make_unique<FedBatchMode>(FeedRateProfile::constant(50.0)), operatorActor);
        rig.control.commandProfile(ActuatorControl::ProfileCommand::Start, operatorActor);
        QCOMPARE(rig.feed.commandedRate(), 50.0);
        rig.feed.inhibit(QStringLiteral("overflow"));
        QCOMPARE(rig.feed.commandedRate(), 0.0);
        rig.clock.advanceMs(1000);
        rig.control.tick();
        QCOMPARE(rig.feed.commandedRate(), 0.0);
        QVERIFY(!rig.control.setManualRate(10.0, operatorActor).isEmpty());
        QVERIFY(rig.feed.releaseInhibit(operatorActor).isEmpty());
        QVERIFY(rig.control.setManualRate(10.0, operatorActor).isEmpty());
        QCOMPARE(rig.feed.commandedRate(), 10.0);
    }
};

QTEST_GUILESS_MAIN(TestControlModes)
#include "tst_control_modes.moc"
