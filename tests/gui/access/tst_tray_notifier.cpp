// Tray notifications for high-priority alarms: the decision (AlarmNotificationFilter) as a table of
// transitions, then driven by a real AlarmManager, and the notifier without a system tray (offscreen): no
// icon, but each announcement still comes out as notified(). The application icon loads from the resources.
#include "AlarmManager.h"
#include "AlarmNotificationFilter.h"
#include "AppIcon.h"
#include "TrayNotifier.h"
#include "VirtualClock.h"

#include <QApplication>
#include <QSignalSpy>
#include <QTest>

Q_DECLARE_METATYPE(AlarmPriority)
Q_DECLARE_METATYPE(AlarmState)

namespace {
AlarmTransition transition(const QString &id, AlarmPriority priority, AlarmState from, AlarmState to)
{
    AlarmTransition t;
    t.id = id;
    t.text = id + QStringLiteral(" text");
    t.priority = priority;
    t.from = from;
    t.to = to;
    return t;
}

using S = AlarmState;
} // namespace

class TestTrayNotifier : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void decision_data()
    {
        QTest::addColumn<AlarmPriority>("priority");
        QTest::addColumn<QList<int>>("states");     // the alarm's states in order, starting from Normal
        QTest::addColumn<QList<bool>>("announced"); // per transition into states[i]
        auto row = [](const char *name, AlarmPriority p, QList<S> states, QList<bool> announced) {
            QList<int> ints;
            for (S s : states)
                ints << int(s);
            QTest::newRow(name) << p << ints << announced;
        };
        row("high raised", AlarmPriority::High, {S::ActiveUnacked}, {true});
        row("medium never", AlarmPriority::Medium,
            {S::ActiveUnacked, S::ActiveAcked, S::Normal, S::ActiveUnacked}, {false, false, false, false});
        row("low never", AlarmPriority::Low, {S::ActiveUnacked}, {false});
        row("re-raise while unacknowledged", AlarmPriority::High,
            {S::ActiveUnacked, S::ReturnedUnacked, S::ActiveUnacked, S::ReturnedUnacked, S::ActiveUnacked},
            {true, false, false, false, false});
        row("acknowledged then raised again", AlarmPriority::High,
            {S::ActiveUnacked, S::ActiveAcked, S::Normal, S::ActiveUnacked}, {true, false, false, true});
        row("acknowledged after return", AlarmPriority::High,
            {S::ActiveUnacked, S::ReturnedUnacked, S::Normal, S::ActiveUnacked}, {true, false, false, true});
        row("unshelved while active", AlarmPriority::High, {S::ActiveUnacked, S::Shelved, S::ActiveUnacked},
            {true, false, true});
        row("back in service while active", AlarmPriority::High, {S::OutOfService, S::ActiveUnacked},
            {false, true});
    }
    void decision()
    {
        QFETCH(AlarmPriority, priority);
        QFETCH(QList<int>, states);
        QFETCH(QList<bool>, announced);
        AlarmNotificationFilter filter;
        S from = S::Normal;
        for (int i = 0; i < states.size(); ++i) {
            const S to = S(states.at(i));
            QCOMPARE(filter.shouldNotify(transition(QStringLiteral("a"), priority, from, to)),
                     announced.at(i));
            from = to;
        }
        // Another alarm is announced on its own.
        QCOMPARE(filter.shouldNotify(transition(QStringLiteral("b"), priority, S::Normal, S::ActiveUnacked)),
                 priority == AlarmPriority::High);
    }

    void drivenByTheAlarmManager()
    {
        VirtualClock clock;
        AlarmManager alarms(&clock);
        for (const auto &[id, priority] :
             {std::pair{"overflow", AlarmPriority::High}, std::pair{"do.low", AlarmPriority::Medium}}) {
            AlarmDefinition definition;
            definition.id = QString::fromLatin1(id);
            definition.text = definition.id;
            definition.priority = priority;
            QVERIFY(alarms.addAlarm(definition).isEmpty());
        }
        TrayNotifier notifier;
        QVERIFY(!notifier.hasTrayIcon()); // offscreen has no system tray
        connect(&alarms, &AlarmManager::transitioned, &notifier, &TrayNotifier::alarmTransitioned);
        QSignalSpy notified(&notifier, &TrayNotifier::notified);
        alarms.setCondition(QStringLiteral("overflow"), true);
        alarms.setCondition(QStringLiteral("do.low"), true);
        QCOMPARE(notified.size(), 1);
        QVERIFY(notified.at(0).at(0).toString().contains(QStringLiteral("overflow")));
        alarms.setCondition(QStringLiteral("overflow"), false); // returns, still unacknowledged
        alarms.setCondition(QStringLiteral("overflow"), true);  // raised again: no second message
        QCOMPARE(notified.size(), 1);
        QVERIFY(
            alarms.acknowledge(QStringLiteral("overflow"), {QStringLiteral("op"), Role::Operator}).isEmpty());
        alarms.setCondition(QStringLiteral("overflow"), false);
        alarms.setCondition(QStringLiteral("overflow"), true);
        QCOMPARE(notified.size(), 2);
        notifier.notify(QStringLiteral("stop-all refused"));
        QCOMPARE(notified.size(), 3);
    }

    void applicationIconLoads()
    {
        const QIcon icon = appIcon();
        QVERIFY(!icon.isNull());
        QVERIFY(!icon.pixmap(32, 32).isNull()); // the SVG icon engine draws it
    }
};

QTEST_MAIN(TestTrayNotifier)
#include "tst_tray_notifier.moc"
