// The model-plan mode's staleness on virtual time, through ActuatorControl and FeedController: a plan is
// stale only after three re-plan intervals without a proposal (pending ones count: the model answered);
// dropping a stale plan holds the present rate, and the next plan is followed again.
#include "ActuatorControl.h"
#include "ModelPredictiveMode.h"
#include "VirtualClock.h"

#include <QTest>

namespace {
const Actor operatorActor{QStringLiteral("olga"), Role::Operator};
constexpr qint64 intervalMs = 60000;
} // namespace

class TestModelPlanStaleness : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void staleAfterThreeIntervalsAndDroppingHoldsTheRate()
    {
        VirtualClock clock(1000000);
        ProcessValues values(qint64(1) << 40);
        FeedController feed(
            QStringLiteral("feed_pump"), ActuatorLimits{0.0, 100.0, 0.0, QStringLiteral("mL/h"), 0.0},
            [](double, std::function<void(bool, const QString &)> done) { done(true, {}); }, &clock);
        ActuatorControl control(&feed, &values, &clock, 1000);
        QVERIFY(control.setMode(std::make_unique<ModelPredictiveMode>(intervalMs, false), operatorActor)
                    .isEmpty());
        auto *mode = dynamic_cast<ModelPredictiveMode *>(control.mode());
        QVERIFY(mode);
        QVERIFY(!mode->isStale(clock.nowMs())); // counted from the switch, not from the epoch

        // A plan rising by 10 mL/h every minute.
        const qint64 issued = clock.nowMs();
        QVERIFY(
            control
                .proposePlan(
                    {issued,
                     {{0.0, 10.0}, {1.0 / 60, 20.0}, {2.0 / 60, 30.0}, {3.0 / 60, 40.0}, {4.0 / 60, 50.0}},
                     QStringLiteral("test")})
                .isEmpty());
        QCOMPARE(feed.targetRate(), 10.0);
        clock.advanceMs(3 * intervalMs);
        QVERIFY(!mode->isStale(clock.nowMs())); // exactly three intervals: not yet
        control.tick();
        QCOMPARE(feed.targetRate(), 40.0);
        clock.advanceMs(1);
        QVERIFY(mode->isStale(clock.nowMs()));

        mode->dropActivePlan();
        QVERIFY(!mode->hasActivePlan());
        clock.advanceMs(intervalMs); // the old plan would be at 50 mL/h now
        control.tick();
        QCOMPARE(feed.targetRate(), 40.0);

        // The next plan is followed again and the mode is fresh.
        QVERIFY(control.proposePlan({clock.nowMs(), {{0.0, 15.0}}, QStringLiteral("test")}).isEmpty());
        QVERIFY(!mode->isStale(clock.nowMs()));
        QCOMPARE(feed.targetRate(), 15.0);
    }

    void aPendingPlanCountsAsAnAnswer()
    {
        ModelPredictiveMode mode(intervalMs, true);
        mode.begin(0.0, 0);
        mode.propose({0, {{0.0, 12.0}}, QStringLiteral("test")}, 2 * intervalMs);
        QVERIFY(mode.hasPending());
        QVERIFY(!mode.isStale(5 * intervalMs));
        QVERIFY(mode.isStale(5 * intervalMs + 1));
    }
};

QTEST_GUILESS_MAIN(TestModelPlanStaleness)
#include "tst_model_plan_staleness.moc"
