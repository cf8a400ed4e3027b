// Who answers for the model's plans, on virtual time through ActuatorControl and FeedController: every plan
// is audited as the person who handed the feed to the model plan (user and role) with the reason
// "model plan <source>"; the plans keep running after that person signs out; if they have lost the permission
// to operate the process (seen at their next sign-in) plans are refused, audited as refusals, and the present
// rate holds. Also the plan's next change as the operator's card shows it.
#include "ActuatorControl.h"
#include "ModelPredictiveMode.h"
#include "VirtualClock.h"

#include <QSignalSpy>
#include <QTest>

namespace {
const Actor ann{QStringLiteral("ann"), Role::Operator};
const Actor nobody; // signed out
constexpr qint64 intervalMs = 60000;
constexpr qint64 minuteMs = 60000;

struct Rig
{
    VirtualClock clock{1000000};
    ProcessValues values{qint64(1) << 40};
    FeedController feed{
        QStringLiteral("feed_pump"), ActuatorLimits{0.0, 100.0, 0.0, QStringLiteral("mL/h"), 0.0},
        [](double, std::function<void(bool, const QString &)> done) { done(true, {}); }, &clock};
    ActuatorControl control{&feed, &values, &clock, 1000};
    FeedPlan plan(double rate) const
    {
        return {clock.nowMs(), {{0.0, rate}}, QStringLiteral("test.json: x")};
    }
};

AuditEntry lastPlanEntry(const QSignalSpy &spy)
{
    for (qsizetype i = spy.count() - 1; i >= 0; --i) {
        const AuditEntry entry = spy.at(i).at(0).value<AuditEntry>();
        if (entry.object == QLatin1String("feed_pump.plan"))
            return entry;
    }
    return {};
}
} // namespace

class TestModelPlanOwner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void plansAreAuditedAsTheOwnerAndGoOnAfterSignOut()
    {
        Rig rig;
        QSignalSpy audited(&rig.control, &ActuatorControl::audited);
        QVERIFY(rig.control.setMode(std::make_unique<ModelPredictiveMode>(intervalMs, false), ann).isEmpty());
        QCOMPARE(rig.control.planOwner().user, ann.user);

        QVERIFY(rig.control.proposePlan(rig.plan(12.5)).isEmpty());
        AuditEntry entry = lastPlanEntry(audited);
        QCOMPARE(entry.user, ann.user);
        QCOMPARE(entry.role, roleName(Role::Operator));
        QCOMPARE(entry.newValue, QStringLiteral("1 steps, applied"));
        QCOMPARE(entry.reason, QStringLiteral("model plan test.json: x"));
        QCOMPARE(rig.feed.targetRate(), 12.5);

        // Ann signs out: the model goes on, and the next plan is still hers.
        rig.control.noteSignedIn(nobody);
        rig.clock.advanceMs(intervalMs);
        QVERIFY(rig.control.proposePlan(rig.plan(20.0)).isEmpty());
        entry = lastPlanEntry(audited);
        QCOMPARE(entry.user, ann.user);
        QCOMPARE(entry.role, roleName(Role::Operator));
        QCOMPARE(rig.feed.targetRate(), 20.0);

        // Someone else signing in does not take the plans over either.
        rig.control.noteSignedIn({QStringLiteral("bob"), Role::Supervisor});
        QVERIFY(rig.control.proposePlan(rig.plan(21.0)).isEmpty());
        QCOMPARE(lastPlanEntry(audited).user, ann.user);
    }

    void aPlanIsRefusedOnceTheOwnerLostThePermission()
    {
        Rig rig;
        QSignalSpy audited(&rig.control, &ActuatorControl::audited);
        QVERIFY(rig.control.setMode(std::make_unique<ModelPredictiveMode>(intervalMs, false), ann).isEmpty());
        QVERIFY(rig.control.proposePlan(rig.plan(30.0)).isEmpty());
        QCOMPARE(rig.feed.targetRate(), 30.0);

        // An admin made Ann a viewer; she signs in again with that role.
        rig.control.noteSignedIn({ann.user, Role::Viewer});
        const QString error = rig.control.proposePlan(rig.plan(60.0));
        QVERIFY(!error.isEmpty());
        const AuditEntry refusal = lastPlanEntry(audited);
        QCOMPARE(refusal.user, ann.user);
        QCOMPARE(refusal.role, roleName(Role::Viewer));
        QVERIFY2(refusal.reason.startsWith(QStringLiteral("refused")), qPrintable(refusal.reason));
        // The refused plan is not followed and the old one is dropped: the present rate holds.
        auto *mode = dynamic_cast<ModelPredictiveMode *>(rig.control.mode());
        QVERIFY(!mode->hasActivePlan());
        rig.clock.advanceMs(minuteMs);
        rig.control.tick();
        QCOMPARE(rig.feed.targetRate(), 30.0);

        // Her role restored: plans are hers again.
        rig.control.noteSignedIn(ann);
        QVERIFY(rig.control.proposePlan(rig.plan(40.0)).isEmpty());
        QCOMPARE(rig.feed.targetRate(), 40.0);
        QCOMPARE(lastPlanEntry(audited).user, ann.user);
    }

    void theLatestHandoverOwnsThePlans()
    {
        Rig rig;
        QSignalSpy audited(&rig.control, &ActuatorControl::audited);
        const Actor bob{QStringLiteral("bob"), Role::Supervisor};
        QVERIFY(rig.control.setMode(std::make_unique<ModelPredictiveMode>(intervalMs, false), ann).isEmpty());
        QVERIFY(rig.control.setManualRate(5.0, bob, QStringLiteral("taking over")).isEmpty());
        QVERIFY(!rig.control.proposePlan(rig.plan(10.0)).isEmpty()); // manual now: no plans
        QVERIFY(rig.control.setMode(std::make_unique<ModelPredictiveMode>(intervalMs, false), bob).isEmpty());
        QVERIFY(rig.control.proposePlan(rig.plan(10.0)).isEmpty());
        QCOMPARE(lastPlanEntry(audited).user, bob.user);
        QCOMPARE(lastPlanEntry(audited).role, roleName(Role::Supervisor));
    }

    void nextChangeIsTheFirstStepWithANewRate()
    {
        const qint64 issued = 1000000;
        const FeedPlan plan{issued, {{0.0, 10.0}, {1.0, 10.0}, {2.0, 25.0}, {3.0, 30.0}}, QString()};
        const qint64 hourMs = 3600000;
        auto next = plan.nextChangeAfter(issued);
        QVERIFY(next);
        QCOMPARE(next->first, issued + 2 * hourMs); // the step at 1 h keeps 10: not a change
        QCOMPARE(next->second, 25.0);
        next = plan.nextChangeAfter(issued + 2 * hourMs); // 25 in effect from this instant
        QVERIFY(next);
        QCOMPARE(next->first, issued + 3 * hourMs);
        QVERIFY(!plan.nextChangeAfter(issued + 3 * hourMs)); // the last rate holds to the end
    }
};

QTEST_MAIN(TestModelPlanOwner)
#include "tst_model_plan_owner.moc"
