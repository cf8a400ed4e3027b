// The safety property: a million random commands from every entry point (operator, PID, fed-batch profile,
// chemostat, harvest level control, model plan, mode switches, safe state, interlock inhibit, stop-all), with
// random and hostile values (NaN, infinities, huge, negative) and random process readings, never produce a
// command at the driver sink outside the hard limits or faster than the rate limit (except the jump to the
// safe state).
#include "ActuatorBank.h"
#include "ChemostatMode.h"
#include "FedBatchMode.h"
#include "HarvestLevelMode.h"
#include "ManualMode.h"
#include "ModelPredictiveMode.h"
#include "PidMode.h"
#include "VirtualClock.h"

#include <QTest>

#include <cmath>
#include <limits>
#include <random>

namespace {
constexpr int commandCount = 1000000;
const ActuatorLimits limits{2.0, 80.0, 5.0, QStringLiteral("mL/h"), 10.0};

struct SinkCheck
{
    const VirtualClock *clock = nullptr;
    double last = limits.safeValue;
    qint64 lastMs = 0;
    qint64 commands = 0;
    qint64 safeJumps = 0;
    QString violation;

    void check(double rate)
    {
        ++commands;
        const qint64 now = clock->nowMs();
        if (!std::isfinite(rate) || rate < limits.minimum || rate > limits.maximum) {
            if (violation.isEmpty())
                violation = QStringLiteral("command %1 outside [%2, %3]")
                                .arg(rate)
                                .arg(limits.minimum)
                                .arg(limits.maximum);
        }
        const double allowed = limits.maxChangePerSecond *
                               double(std::min<qint64>(now - lastMs, FeedController::maxStepSpanMs)) / 1000.0;
        if (rate == limits.safeValue && std::abs(rate - last) > allowed + 1e-9)
            ++safeJumps;
        else if (std::abs(rate - last) > allowed + 1e-9 && violation.isEmpty())
            violation = QStringLiteral("step %1 -> %2 in %3 ms exceeds the rate limit")
                            .arg(last)
                            .arg(rate)
                            .arg(now - lastMs);
        last = rate;
        lastMs = now;
    }
};
} // namespace

class TestSafetyProperty : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void millionRandomCommandsStayInsideTheLimits()
    {
        VirtualClock clock(1000000);
        SinkCheck sink;
        sink.clock = &clock;
        sink.lastMs = clock.nowMs();
        ProcessValues values(60000);
        FeedController feed(
            QStringLiteral("feed_pump"), limits,
            [&sink](double rate, std::function<void(bool, const QString &)> done) {
                sink.check(rate);
                done(true, {});
            },
            &clock);
        ActuatorControl control(&feed, &values, &clock, 1000);
        ActuatorBank bank;
        bank.add(&control);

        std::mt19937_64 random(20261122);
        std::uniform_int_distribution<int> pick(0, 15);
        std::uniform_real_distribution<double> unit(0.0, 1.0);
        const Role roles[] = {Role::Viewer, Role::Operator, Role::Supervisor, Role::Admin};
        auto hostile = [&]() -> double {
            switch (random() % 8) {
            case 0:
                return std::numeric_limits<double>::quiet_NaN();
            case 1:
                return std::numeric_limits<double>::infinity();
            case 2:
                return -std::numeric_limits<double>::infinity();
            case 3:
                return -1e9 * unit(random);
            case 4:
                return 1e12 * unit(random);
            default:
                return -50.0 + 200.0 * unit(random);
            }
        };
        auto actor = [&]() { return Actor{QStringLiteral("fuzz"), roles[random() % 4]}; };
        const QString channels[] = {QStringLiteral("glucose"), QStringLiteral("volume"),
                                    QStringLiteral("feed_rate"), QStringLiteral("base_rate")};
        int accepted = 0;

        for (int i = 0; i < commandCount; ++i) {
            clock.advanceMs(qint64(random() % 400));
            switch (pick(random)) {
            case 0: // the operator, through the UI's entry point
                accepted += control.setManualRate(hostile(), actor()).isEmpty();
                break;
            case 1: // the operator, straight at the FeedController
                accepted += feed.setRate(hostile(), actor(), QStringLiteral("fuzz")).isEmpty();
                break;
            case 2: // any mode's output, raw
                feed.applyControlOutput(hostile());
                break;
            case 3: {
                PidTuning tuning;
                tuning.kp = hostile();
                tuning.ki = unit(random) * 10;
                tuning.outputMinimum = -1000;
                tuning.outputMaximum = 1000;
                control.setMode(std::make_unique<PidMode>(channels[0], hostile(), tuning), actor());
                break;
            }
            case 4: // chemostat: F = D x V on the feed, or level control by the harvest
                if (random() % 2)
                    control.setMode(std::make_unique<ChemostatMode>(hostile()), actor());
                else
                    control.setMode(std::make_unique<HarvestLevelMode>(hostile(), hostile()), actor());
                break;
            case 5: {
                auto mode = std::make_unique<FedBatchMode>(
                    random() % 2
                        ? FeedRateProfile::exponential(unit(random), hostile(), hostile(), unit(random), 400)
                        : FeedRateProfile::linearRamp(hostile(), hostile(), unit(random) * 0.01));
                if (control.setMode(std::move(mode), actor()).isEmpty())
                    control.commandProfile(ActuatorControl::ProfileCommand::Start, actor());
                break;
            }
            case 6:
                control.setMode(std::make_unique<ModelPredictiveMode>(60000, random() % 2), actor());
                break;
            case 7:
                control.proposePlan(
                    {clock.nowMs(), {{0.0, hostile()}, {0.001, hostile()}}, QStringLiteral("fuzz")});
                control.confirmPlan(actor());
                break;
            case 8: {
                const Quality quality = Quality(random() % 3);
                values.update({channels[random() % 4], clock.nowMs(), hostile(), QString(), quality});
                break;
            }
            case 9:
            case 10:
                control.tick();
                break;
            case 11:
                feed.advanceRamp();
                break;
            case 12:
                if (random() % 50 == 0)
                    feed.enterSafeState(QStringLiteral("fuzz"), actor());
                else
                    control.setSetpoint(hostile(), actor());
                break;
            case 13:
                if (random() % 100 == 0)
                    feed.inhibit(QStringLiteral("fuzz trip"));
                else
                    feed.releaseInhibit(actor());
                break;
            case 14:
                if (random() % 100 == 0)
                    bank.stopAll(actor(), QStringLiteral("fuzz"));
                else
                    control.commandProfile(ActuatorControl::ProfileCommand(random() % 3), actor());
                break;
            case 15: {
                ActuatorLimits wider = limits;
                wider.maximum = 1e9; // only a supervisor could; refused for the rest, and never applied here
                if (actor().role < Role::Supervisor)
                    feed.changeLimits(wider, Actor{QStringLiteral("fuzz"), Role::Operator},
                                      QStringLiteral("x"));
                break;
            }
            }
            QVERIFY2(sink.violation.isEmpty(), qPrintable(sink.violation));
        }
        qInfo("%lld commands reached the sink, %lld of them safe-state jumps; %d operator commands accepted",
              sink.commands, sink.safeJumps, accepted);
        QVERIFY(sink.commands > 10000); // the test exercised the sink, not only refusals
        QVERIFY(accepted > 1000);
        QCOMPARE(feed.limits().maximum, limits.maximum);
    }
};

QTEST_GUILESS_MAIN(TestSafetyProperty)
#include "tst_safety_property.moc"
