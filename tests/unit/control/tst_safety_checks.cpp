// Interlocks (overflow, empty bottle, hard pH band) and the gravimetric check (balance slope vs commanded
// rate).
#include "FeedController.h"
#include "GravimetricCheck.h"
#include "InterlockMonitor.h"
#include "VirtualClock.h"

#include <QSignalSpy>
#include <QTest>

#include <random>

class TestSafetyChecks : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void interlockTripsHoldsAndResets()
    {
        VirtualClock clock(0);
        QList<double> sent;
        auto sink = [&sent](double rate, std::function<void(bool, const QString &)> done) {
            sent.append(rate);
            done(true, {});
        };
        FeedController feed(QStringLiteral("feed_pump"), {0, 100, 0, QStringLiteral("mL/h"), 0}, sink,
                            &clock);
        FeedController base(QStringLiteral("base_pump"), {0, 50, 1, QStringLiteral("mL/h"), 0}, sink, &clock);
        InterlockMonitor monitor;
        monitor.addActuator(&feed);
        monitor.addActuator(&base);
        Interlock overflow;
        overflow.name = QStringLiteral("overflow");
        overflow.channel = QStringLiteral("volume");
        overflow.high = 2000;
        overflow.actuators = {QStringLiteral("feed_pump")};
        monitor.addInterlock(overflow);
        Interlock ph;
        ph.name = QStringLiteral("ph_band");
        ph.channel = QStringLiteral("ph");
        ph.low = 5.5;
        ph.high = 8.5;
        ph.actuators = {QStringLiteral("feed_pump"), QStringLiteral("base_pump")};
        monitor.addInterlock(ph);
        const Actor operatorActor{QStringLiteral("olga"), Role::Operator};
        QVERIFY(feed.setRate(40, operatorActor, {}).isEmpty());
        QVERIFY(base.setRate(20, operatorActor, {}).isEmpty());
        QSignalSpy tripped(&monitor, &InterlockMonitor::tripped);

        monitor.update(
            {QStringLiteral("volume"), 0, 2100, QString(), Quality::Bad}); // bad values do not trip
        QCOMPARE(tripped.count(), 0);
        monitor.update({QStringLiteral("volume"), 0, 2001, QString(), Quality::Good});
        QCOMPARE(tripped.count(), 1);
        QCOMPARE(feed.commandedRate(), 0.0);
        QCOMPARE(base.commandedRate(), 20.0); // not on this interlock
        QVERIFY(!feed.setRate(10, operatorActor, {}).isEmpty());
        QVERIFY(!monitor.reset(QStringLiteral("overflow"), operatorActor).isEmpty()); // still too full
        monitor.update({QStringLiteral("ph"), 0, 9.0, QString(), Quality::Good});
        QCOMPARE(base.commandedRate(), 1.0); // its safe value
        monitor.update({QStringLiteral("volume"), 0, 1900, QString(), Quality::Good});
        QVERIFY(!monitor.reset(QStringLiteral("overflow"), {QStringLiteral("vic"), Role::Viewer}).isEmpty());
        QVERIFY(monitor.reset(QStringLiteral("overflow"), operatorActor).isEmpty());
        QVERIFY(feed.isInhibited()); // the pH interlock still holds the feed
        monitor.update({QStringLiteral("ph"), 0, 7.0, QString(), Quality::Good});
        QVERIFY(monitor.reset(QStringLiteral("ph_band"), operatorActor).isEmpty());
        QVERIFY(!feed.isInhibited());
        QVERIFY(!base.isInhibited());
        QVERIFY(feed.setRate(10, operatorActor, {}).isEmpty());
    }

    void gravimetricCheckFindsADriftingPump()
    {
        std::mt19937 random(5);
        std::normal_distribution<double> noise(0.0, 0.01);
        GravimetricSettings settings;
        settings.windowSeconds = 600;
        settings.holdSeconds = 300;
        GravimetricCheck check(settings);
        const double commanded = 30.0; // mL/h
        check.noteCommand(0, commanded);
        double grams = 800.0;
        GravimetricStatus status;
        int firstAlarmS = -1;
        for (int s = 0; s <= 3600; s += 5) {
            // The pump delivers what it should for 20 minutes, then only 60 % (worn tubing).
            const double delivered = s < 1200 ? commanded : 0.6 * commanded;
            grams -= delivered / 3600.0 * 5.0 * settings.feedDensityGPerMl;
            check.addBalance(qint64(s) * 1000, grams + noise(random));
            status = check.evaluate(qint64(s) * 1000);
            if (s < 1200 && status.valid) {
                QVERIFY2(!status.alarm, qPrintable(QString::number(s)));
                QVERIFY(std::abs(status.deliveredMlPerH - commanded) < 1.0);
            }
            if (status.alarm && firstAlarmS < 0)
                firstAlarmS = s;
        }
        QVERIFY(status.alarm);
        QVERIFY2(std::abs(status.deliveredMlPerH - 18.0) < 1.0,
                 qPrintable(QString::number(status.deliveredMlPerH)));
        // Deviating needs part of the window past the change, then holdSeconds more.
        QVERIFY2(firstAlarmS > 1200 + 300 && firstAlarmS < 1200 + 600 + 300,
                 qPrintable(QString::number(firstAlarmS)));
    }

    void refillRestartsTheWindowAndCommandsAreAveraged()
    {
        GravimetricCheck check;
        check.noteCommand(0, 10.0);
        check.noteCommand(300000, 30.0); // halfway through the window the rate goes up
        double grams = 500.0;
        for (int s = 0; s <= 600; s += 5) {
            const double rate = s < 300 ? 10.0 : 30.0;
            grams -= rate / 3600.0 * 5.0 * 1.15;
            check.addBalance(qint64(s) * 1000, grams);
        }
        const GravimetricStatus status = check.evaluate(600000);
        QVERIFY(status.valid);
        QVERIFY2(std::abs(status.commandedMlPerH - 20.0) < 0.5,
                 qPrintable(QString::number(status.commandedMlPerH)));
        check.addBalance(605000, grams + 400.0); // a new bottle
        QVERIFY(!check.evaluate(605000).valid);
    }
};

QTEST_GUILESS_MAIN(TestSafetyChecks)
#include "tst_safety_checks.moc"
