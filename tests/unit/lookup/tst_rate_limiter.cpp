// RateLimiter on a virtual clock: the limits hold in every window, whatever the batch size; the throttling
// header shrinks them; parseThrottlingControl reads PubChem's header.
#include "RateLimiter.h"

#include <QTest>

#include <deque>

class TestRateLimiter : public QObject
{
    Q_OBJECT

private:
    // Sends `count` requests as fast as the limiter allows, advancing the virtual clock; returns start times.
    static QList<qint64> drive(RateLimiter &limiter, qint64 &now, int count)
    {
        QList<qint64> starts;
        while (starts.size() < count) {
            const qint64 wait = limiter.msUntilAllowed();
            if (wait > 0) {
                now += wait;
                continue;
            }
            limiter.recordRequest();
            starts.append(now);
        }
        return starts;
    }

    static int maxInWindow(const QList<qint64> &starts, qint64 windowMs)
    {
        int worst = 0;
        for (int i = 0, j = 0; i < starts.size(); ++i) {
            while (starts.at(i) - starts.at(j) >= windowMs)
                ++j;
            worst = std::max(worst, i - j + 1);
        }
        return worst;
    }

private Q_SLOTS:
    void productionDefaultsAreThePolicy()
    {
        const RateLimits limits;
        QCOMPARE(limits.perSecond, 5);
        QCOMPARE(limits.perMinute, 400);
        QVERIFY(limits.guardMs >= 0);
    }

    void neverMoreThanFivePerSecondNorFourHundredPerMinute()
    {
        qint64 now = 0;
        RateLimiter limiter({}, [&now] { return now; });
        const QList<qint64> starts = drive(limiter, now, 1000);
        QCOMPARE(maxInWindow(starts, 1000), 5);
        QVERIFY(maxInWindow(starts, 60000) <= 400);
        // The first five go at once (the policy floor for 10 names is about one second).
        QCOMPARE(starts.at(4), 0);
        QCOMPARE(starts.at(5), 1000 + RateLimits().guardMs);
    }

    void minuteWindowBindsWhenTheSecondWindowWouldAllowMore()
    {
        qint64 now = 0;
        RateLimiter limiter({20, 400, 0}, [&now] { return now; });
        const QList<qint64> starts = drive(limiter, now, 1000);
        QCOMPARE(maxInWindow(starts, 1000), 20);
        QCOMPARE(maxInWindow(starts, 60000), 400);
        QVERIFY(starts.at(400) >= 60000); // 400 in the first minute, then the minute window holds back
    }

    void idleTimeDoesNotBankBursts()
    {
        qint64 now = 0;
        RateLimiter limiter({}, [&now] { return now; });
        drive(limiter, now, 5);
        now += 3600 * 1000; // an hour of silence
        const QList<qint64> starts = drive(limiter, now, 20);
        QCOMPARE(maxInWindow(starts, 1000), 5);
    }

    void throttlingStatusShrinksTheLimits()
    {
        qint64 now = 0;
        RateLimiter limiter({}, [&now] { return now; });
        limiter.reportServerLoad(ServerLoad::Yellow);
        QCOMPARE(maxInWindow(drive(limiter, now, 50), 1000), 2);
        limiter.reportServerLoad(ServerLoad::Red);
        now += 120000;
        QCOMPARE(maxInWindow(drive(limiter, now, 20), 1000), 1);
        QCOMPARE(limiter.effectiveLimits().perMinute, 100);
        limiter.reportServerLoad(ServerLoad::Unknown); // header missing: keep the last level
        QCOMPARE(limiter.serverLoad(), ServerLoad::Red);
        limiter.reportServerLoad(ServerLoad::Black);
        now += 120000;
        const QList<qint64> blocked = drive(limiter, now, 3);
        QVERIFY(blocked.at(2) - blocked.at(0) >= 2 * 60000);
        limiter.reportServerLoad(ServerLoad::Green);
        QCOMPARE(limiter.effectiveLimits().perSecond, 5);
    }

    void configurableForTests()
    {
        qint64 now = 0;
        RateLimiter limiter({50, 4000, 0}, [&now] { return now; });
        QCOMPARE(maxInWindow(drive(limiter, now, 500), 1000), 50);
    }

    void parsesThrottlingHeader_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<ServerLoad>("load");
        QTest::newRow("recorded green")
            << QByteArray("Request Count status: Green (2%), Request Time status: Green "
                          "(1%), Service status: Green (13%)")
            << ServerLoad::Green;
        QTest::newRow("yellow count")
            << QByteArray("Request Count status: Yellow (60%), Request Time status: Green "
                          "(1%), Service status: Green (13%)")
            << ServerLoad::Yellow;
        QTest::newRow("red service") << QByteArray(
                                            "Request Count status: Green (2%), Request Time status: Yellow "
                                            "(55%), Service status: Red (80%)")
                                     << ServerLoad::Red;
        QTest::newRow("black") << QByteArray("Request Count status: Black (100%)") << ServerLoad::Black;
        QTest::newRow("missing") << QByteArray() << ServerLoad::Unknown;
        QTest::newRow("garbage") << QByteArray("whatever") << ServerLoad::Unknown;
    }

    void parsesThrottlingHeader()
    {
        QFETCH(QByteArray, header);
        QFETCH(ServerLoad, load);
        QCOMPARE(parseThrottlingControl(header), load);
    }
};

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "tst_rate_limiter.moc"
