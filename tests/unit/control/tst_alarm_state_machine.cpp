// The ISA-18.2 state machine as a table of every (state, input, condition) transition, and the alarm
// manager's use of it: shelving with expiry, out of service, acknowledge, flood detection, journal and audit
// output.
#include "AlarmManager.h"
#include "AlarmStateMachine.h"
#include "VirtualClock.h"

#include <QSignalSpy>
#include <QTest>

Q_DECLARE_METATYPE(AlarmState)
Q_DECLARE_METATYPE(AlarmInput)

namespace {
const Actor operatorActor{QStringLiteral("olga"), Role::Operator};
const Actor supervisor{QStringLiteral("sam"), Role::Supervisor};
const Actor viewer{QStringLiteral("vic"), Role::Viewer};

AlarmDefinition discrete(const QString &id, AlarmPriority priority = AlarmPriority::Medium)
{
    AlarmDefinition d;
    d.id = id;
    d.text = id + QStringLiteral(" text");
    d.priority = priority;
    return d;
}
} // namespace

class TestAlarmStateMachine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyTransition_data()
    {
        using S = AlarmState;
        using I = AlarmInput;
        QTest::addColumn<AlarmState>("state");
        QTest::addColumn<AlarmInput>("input");
        QTest::addColumn<bool>("conditionActive");
        QTest::addColumn<AlarmState>("next");
        QTest::addColumn<bool>("accepted");
        struct Row
        {
            const char *name;
            S state;
            I input;
            bool condition;
            S next;
            bool accepted;
        };
        const Row rows[] = {
            // Normal
            {"normal+active", S::Normal, I::ConditionActive, true, S::ActiveUnacked, true},
            {"normal+cleared", S::Normal, I::ConditionCleared, false, S::Normal, true},
            {"normal+ack", S::Normal, I::Acknowledge, false, S::Normal, false},
            {"normal+shelve", S::Normal, I::Shelve, false, S::Shelved, true},
            {"normal+unshelve", S::Normal, I::Unshelve, false, S::Normal, false},
            {"normal+oos", S::Normal, I::RemoveFromService, false, S::OutOfService, true},
            {"normal+return", S::Normal, I::ReturnToService, false, S::Normal, false},
            // Active, unacknowledged
            {"unack+active", S::ActiveUnacked, I::ConditionActive, true, S::ActiveUnacked, true},
            {"unack+cleared", S::ActiveUnacked, I::ConditionCleared, false, S::ReturnedUnacked, true},
            {"unack+ack", S::ActiveUnacked, I::Acknowledge, true, S::ActiveAcked, true},
            {"unack+shelve", S::ActiveUnacked, I::Shelve, true, S::Shelved, true},
            {"unack+unshelve", S::ActiveUnacked, I::Unshelve, true, S::ActiveUnacked, false},
            {"unack+oos", S::ActiveUnacked, I::RemoveFromService, true, S::OutOfService, true},
            {"unack+return", S::ActiveUnacked, I::ReturnToService, true, S::ActiveUnacked, false},
            // Active, acknowledged
            {"acked+active", S::ActiveAcked, I::ConditionActive, true, S::ActiveAcked, true},
            {"acked+cleared", S::ActiveAcked, I::ConditionCleared, false, S::Normal, true},
            {"acked+ack", S::ActiveAcked, I::Acknowledge, true, S::ActiveAcked, false},
            {"acked+shelve", S::ActiveAcked, I::Shelve, true, S::Shelved, true},
            {"acked+unshelve", S::ActiveAcked, I::Unshelve, true, S::ActiveAcked, false},
            {"acked+oos", S::ActiveAcked, I::RemoveFromService, true, S::OutOfService, true},
            {"acked+return", S::ActiveAcked, I::ReturnToService, true, S::ActiveAcked, false},
            // Returned to normal, unacknowledged
            {"rtn+active", S::ReturnedUnacked, I::ConditionActive, true, S::ActiveUnacked, true},
            {"rtn+cleared", S::ReturnedUnacked, I::ConditionCleared, false, S::ReturnedUnacked, true},
            {"rtn+ack", S::ReturnedUnacked, I::Acknowledge, false, S::Normal, true},
            {"rtn+shelve", S::ReturnedUnacked, I::Shelve, false, S::Shelved, true},
            {"rtn+unshelve", S::ReturnedUnacked, I::Unshelve, false, S::ReturnedUnacked, false},
            {"rtn+oos", S::ReturnedUnacked, I::RemoveFromService, false, S::OutOfService, true},
            {"rtn+return", S::ReturnedUnacked, I::ReturnToService, false, S::ReturnedUnacked, false},
            // Shelved: the condition is followed but not annunciated
            {"shelved+active", S::Shelved, I::ConditionActive, true, S::Shelved, true},
            {"shelved+cleared", S::Shelved, I::ConditionCleared, false, S::Shelved, true},
            {"shelved+ack", S::Shelved, I::Acknowledge, true, S::Shelved, false},
            {"shelved+shelve", S::Shelved, I::Shelve, true, S::Shelved, false},
            {"shelved+unshelve(active)", S::Shelved, I::Unshelve, true, S::ActiveUnacked, true},
            {"shelved+unshelve(clear)", S::Shelved, I::Unshelve, false, S::Normal, true},
            {"shelved+oos", S::Shelved, I::RemoveFromService, true, S::OutOfService, true},
            {"shelved+return", S::Shelved, I::ReturnToService, true, S::Shelved, false},
            // Out of service
            {"oos+active", S::OutOfService, I::ConditionActive, true, S::OutOfService, true},
            {"oos+cleared", S::OutOfService, I::ConditionCleared, false, S::OutOfService, true},
            {"oos+ack", S::OutOfService, I::Acknowledge, true, S::OutOfService, false},
            {"oos+shelve", S::OutOfService, I::Shelve, true, S::OutOfService, false},
            {"oos+unshelve", S::OutOfService, I::Unshelve, true, S::OutOfService, false},
            {"oos+oos", S::OutOfService, I::RemoveFromService, true, S::OutOfService, false},
            {"oos+return(active)", S::OutOfService, I::ReturnToService, true, S::ActiveUnacked, true},
            {"oos+return(clear)", S::OutOfService, I::ReturnToService, false, S::Normal, true},
        };
        for (const Row &row : rows)
            QTest::newRow(row.name) << row.state << row.input << row.condition << row.next << row.accepted;
    }

    void everyTransition()
    {
        QFETCH(AlarmState, state);
        QFETCH(AlarmInput, input);
        QFETCH(bool, conditionActive);
        QFETCH(AlarmState, next);
        QFETCH(bool, accepted);
        const AlarmStep step = AlarmStateMachine::next(state, input, conditionActive);
        QCOMPARE(step.next, next);
        QCOMPARE(step.accepted, accepted);
    }

    void transitionsGoToTheJournalAndActionsToTheAudit()
    {
        VirtualClock clock(1000);
        AlarmManager manager(&clock);
        QVERIFY(manager.addAlarm(discrete(QStringLiteral("a"))).isEmpty());
        QVERIFY(!manager.addAlarm(discrete(QStringLiteral("a"))).isEmpty()); // duplicate id
        QSignalSpy transitions(&manager, &AlarmManager::transitioned);
        QSignalSpy audits(&manager, &AlarmManager::audited);

        manager.setCondition(QStringLiteral("a"), true, 3.0);
        QCOMPARE(manager.status(QStringLiteral("a")).state, AlarmState::ActiveUnacked);
        QCOMPARE(transitions.count(), 1);
        QCOMPARE(audits.count(), 0); // a condition is not an operator action

        QVERIFY(!manager.acknowledge(QStringLiteral("a"), viewer).isEmpty());
        QCOMPARE(audits.count(), 1); // the refusal
        QVERIFY(audits.last().at(0).value<AuditEntry>().reason.startsWith(QStringLiteral("refused")));
        QCOMPARE(manager.status(QStringLiteral("a")).state, AlarmState::ActiveUnacked);

        QVERIFY(manager.acknowledge(QStringLiteral("a"), operatorActor).isEmpty());
        QCOMPARE(manager.status(QStringLiteral("a")).state, AlarmState::ActiveAcked);
        QCOMPARE(audits.count(), 2);
        const auto transition = transitions.last().at(0).value<AlarmTransition>();
        QCOMPARE(transition.from, AlarmState::ActiveUnacked);
        QCOMPARE(transition.to, AlarmState::ActiveAcked);
        QVERIFY(transition.cause.contains(QStringLiteral("olga")));
        // Nothing to acknowledge; the message names the alarm by its text, as the panel shows it.
        QCOMPARE(manager.acknowledge(QStringLiteral("a"), operatorActor),
                 QStringLiteral("the alarm \"a text\" is active acknowledged: nothing to acknowledge"));

        manager.setCondition(QStringLiteral("a"), false);
        QCOMPARE(manager.status(QStringLiteral("a")).state, AlarmState::Normal);
        QCOMPARE(transitions.count(), 3);
    }

    void shelvingNeedsAReasonAndExpires()
    {
        VirtualClock clock(0);
        AlarmManager manager(&clock);
        manager.addAlarm(discrete(QStringLiteral("s")));
        manager.setCondition(QStringLiteral("s"), true);
        QSignalSpy audits(&manager, &AlarmManager::audited);
        QVERIFY(!manager.shelve(QStringLiteral("s"), operatorActor, QString(), 60000).isEmpty());
        QVERIFY(!manager.shelve(QStringLiteral("s"), operatorActor, QStringLiteral("x"), 0).isEmpty());
        QVERIFY(!manager
                     .shelve(QStringLiteral("s"), operatorActor, QStringLiteral("x"),
                             AlarmManager::maxShelveMs + 1)
                     .isEmpty());
        QVERIFY(
            manager.shelve(QStringLiteral("s"), operatorActor, QStringLiteral("probe recalibration"), 60000)
                .isEmpty());
        QCOMPARE(audits.count(), 1);
        QCOMPARE(audits.last().at(0).value<AuditEntry>().reason, QStringLiteral("probe recalibration"));
        QCOMPARE(manager.status(QStringLiteral("s")).state, AlarmState::Shelved);

        // While shelved the condition clears and returns: followed, not annunciated.
        manager.setCondition(QStringLiteral("s"), false);
        manager.setCondition(QStringLiteral("s"), true);
        QCOMPARE(manager.status(QStringLiteral("s")).state, AlarmState::Shelved);

        clock.advanceMs(59999);
        manager.checkTimers();
        QCOMPARE(manager.status(QStringLiteral("s")).state, AlarmState::Shelved);
        clock.advanceMs(1);
        manager.checkTimers();
        QCOMPARE(manager.status(QStringLiteral("s")).state,
                 AlarmState::ActiveUnacked); // still active on expiry
    }

    void outOfServiceNeedsASupervisor()
    {
        VirtualClock clock(0);
        AlarmManager manager(&clock);
        manager.addAlarm(discrete(QStringLiteral("o")));
        QVERIFY(!manager.removeFromService(QStringLiteral("o"), operatorActor, QStringLiteral("probe out"))
                     .isEmpty());
        QCOMPARE(manager.status(QStringLiteral("o")).state, AlarmState::Normal);
        QVERIFY(manager.removeFromService(QStringLiteral("o"), supervisor, QStringLiteral("probe out"))
                    .isEmpty());
        manager.setCondition(QStringLiteral("o"), true);
        QCOMPARE(manager.status(QStringLiteral("o")).state, AlarmState::OutOfService);
        QVERIFY(manager.returnToService(QStringLiteral("o"), supervisor).isEmpty());
        QCOMPARE(manager.status(QStringLiteral("o")).state, AlarmState::ActiveUnacked);
    }

    void limitChangesAreForSupervisorsAndAudited()
    {
        VirtualClock clock(0);
        AlarmManager manager(&clock);
        AlarmDefinition d;
        d.id = QStringLiteral("ph.high");
        d.channel = QStringLiteral("ph");
        d.condition = AlarmCondition::HighLimit;
        d.limit = 7.5;
        manager.addAlarm(d);
        QSignalSpy audits(&manager, &AlarmManager::audited);
        LimitSettings next{LimitSettings::Direction::High, 7.8, 0.05, 1000, 1000};
        QVERIFY(!manager.changeLimit(d.id, next, operatorActor).isEmpty());
        QVERIFY(manager.changeLimit(d.id, next, supervisor).isEmpty());
        QCOMPARE(audits.count(), 2);
        QVERIFY(audits.at(1).at(0).value<AuditEntry>().newValue.contains(QStringLiteral("limit=7.8")));
        QCOMPARE(manager.status(d.id).definition.limit, 7.8);
        manager.update({QStringLiteral("ph"), 0, 7.7, QStringLiteral("pH"), Quality::Good});
        QCOMPARE(manager.status(d.id).state, AlarmState::Normal); // 7.7 is below the new limit
    }

    void acknowledgeAllVisible()
    {
        VirtualClock clock(0);
        AlarmManager manager(&clock);
        QStringList ids;
        for (int i = 0; i < 5; ++i) {
            ids << QStringLiteral("x%1").arg(i);
            manager.addAlarm(discrete(ids.last()));
            manager.setCondition(ids.last(), true);
        }
        manager.setCondition(ids.at(4), false); // returned, unacknowledged
        QVERIFY(manager.acknowledgeAll(ids.mid(0, 2) + ids.mid(4), operatorActor).isEmpty());
        QCOMPARE(manager.status(ids.at(0)).state, AlarmState::ActiveAcked);
        QCOMPARE(manager.status(ids.at(1)).state, AlarmState::ActiveAcked);
        QCOMPARE(manager.status(ids.at(2)).state, AlarmState::ActiveUnacked); // not in the visible set
        QCOMPARE(manager.status(ids.at(4)).state, AlarmState::Normal);
    }

    void floodAboveTenAlarmsInTenMinutes()
    {
        VirtualClock clock(0);
        AlarmManager manager(&clock);
        QSignalSpy flood(&manager, &AlarmManager::floodChanged);
        for (int i = 0; i < 11; ++i)
            manager.addAlarm(discrete(QStringLiteral("f%1").arg(i)));
        for (int i = 0; i < 10; ++i) {
            manager.setCondition(QStringLiteral("f%1").arg(i), true);
            clock.advanceMs(50000);
        }
        QVERIFY(!manager.flooding()); // ten alarms is not a flood
        manager.setCondition(QStringLiteral("f10"), true);
        QVERIFY(manager.flooding());
        QCOMPARE(flood.count(), 1);
        QCOMPARE(flood.last().at(1).toInt(), 11);
        clock.advanceMs(100000); // at 600 s the first start (at 0 s) leaves the 10 minute window
        manager.checkTimers();
        QVERIFY(!manager.flooding());
        QCOMPARE(flood.count(), 2);
    }

    void badReadingRaisesAnInstrumentAlarmNotAProcessOne()
    {
        VirtualClock clock(0);
        AlarmManager manager(&clock);
        AlarmDefinition d;
        d.id = QStringLiteral("do.low");
        d.channel = QStringLiteral("do");
        d.condition = AlarmCondition::LowLimit;
        d.limit = 20;
        manager.addAlarm(d);
        manager.update({QStringLiteral("do"), 0, 0.0, QStringLiteral("%sat"), Quality::Bad});
        QCOMPARE(manager.status(QStringLiteral("do.low")).state, AlarmState::Normal);
        const AlarmStatus fault = manager.status(QStringLiteral("instrument.do"));
        QCOMPARE(fault.definition.kind, AlarmKind::Instrument);
        QCOMPARE(fault.state, AlarmState::ActiveUnacked);
        manager.update({QStringLiteral("do"), 500, 50.0, QStringLiteral("%sat"), Quality::Good});
        QCOMPARE(manager.status(QStringLiteral("instrument.do")).state, AlarmState::ReturnedUnacked);
        manager.setFault(QStringLiteral("link.pump"), AlarmKind::Communication, QStringLiteral("lost"), true);
        QCOMPARE(manager.status(QStringLiteral("link.pump")).definition.kind, AlarmKind::Communication);
        QCOMPARE(manager.status(QStringLiteral("link.pump")).definition.priority, AlarmPriority::High);
    }
};

QTEST_GUILESS_MAIN(TestAlarmStateMachine)
#include "tst_alarm_state_machine.moc"
