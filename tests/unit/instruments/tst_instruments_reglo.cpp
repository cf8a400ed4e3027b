// Reglo ICC conformance: volume-type numbers, unterminated one-character status replies, CR LF data replies.
#include "DriverProbe.h"
#include "PtyPeer.h"
#include "RegloIccPump.h"
#include "RegloNumber.h"

#include <QTest>

class TestReglo : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<RegloIccPump> connectedPump(PtyPeer &peer, std::unique_ptr<DriverProbe> *probe)
    {
        auto pump = std::make_unique<RegloIccPump>(
            QStringLiteral("pump"), LinkEndpoint::serial(peer.path()), 1,
            ChannelInfo{QStringLiteral("feed_rate"), QStringLiteral("mL/h"), {}, 0, 3000},
            QStringLiteral("feed"), 100000, 300);
        *probe = std::make_unique<DriverProbe>(pump.get());
        pump->open();
        if (!(*probe)->waitConnected(pump.get()))
            return nullptr;
        // At every connect: unsolicited events off, then stop (a reconnect never restarts a pump).
        if (!peer.expectRequest("1xE0\r"))
            return nullptr;
        peer.send("*");
        if (!peer.expectRequest("1I\r"))
            return nullptr;
        peer.send("*");
        QTest::qWait(30);
        return pump;
    }

private Q_SLOTS:
    void volumeTypeNumbers_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<double>("value");
        QTest::newRow("32.5") << QByteArray("3250E+1") << true << 32.5;
        QTest::newRow("0.1") << QByteArray("1000E-1") << true << 0.1;
        QTest::newRow("zero") << QByteArray("0000E+0") << true << 0.0;
        QTest::newRow("1.5") << QByteArray("1500E+0") << true << 1.5;
        QTest::newRow("with CR LF") << QByteArray("3250E+1\r\n") << true << 32.5;
        QTest::newRow("no sign") << QByteArray("3250E1") << false << 0.0;
        QTest::newRow("three digits") << QByteArray("325E+1") << false << 0.0;
        QTest::newRow("letters") << QByteArray("abcdE+1") << false << 0.0;
        QTest::newRow("empty") << QByteArray() << false << 0.0;
    }
    void volumeTypeNumbers()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, valid);
        QFETCH(double, value);
        double parsed = -1;
        QCOMPARE(RegloNumber::parse(text, &parsed), valid);
        if (valid)
            QVERIFY(qAbs(parsed - value) < 1e-9);
    }
    void formatsVolumeType()
    {
        QCOMPARE(RegloNumber::format(32.5), QByteArray("3250E+1"));
        QCOMPARE(RegloNumber::format(0.1), QByteArray("1000E-1"));
        QCOMPARE(RegloNumber::format(0.0), QByteArray("0000E+0"));
        QCOMPARE(RegloNumber::format(9.9996), QByteArray("1000E+1")); // rounding carries into the exponent
        QCOMPARE(RegloNumber::format(-1.0), QByteArray());
        QCOMPARE(RegloNumber::format(qQNaN()), QByteArray());
    }

    void pollReadsRunningStateAndRate()
    {
        PtyPeer peer;
        std::unique_ptr<DriverProbe> probe;
        auto pump = connectedPump(peer, &probe);
        QVERIFY(pump);
        pump->pollNow();
        QVERIFY(peer.expectRequest("1E\r"));
        peer.send("+"); // unterminated yes
        QVERIFY(peer.expectRequest("1f\r"));
        peer.sendSplit("3250E+1\r\n", 3);
        QTRY_COMPARE(probe->readings.size(), 1);
        QCOMPARE(probe->lastReading().value, 32.5 * 60.0); // mL/min on the wire, mL/h in the channel
        QCOMPARE(probe->lastReading().quality, Quality::Good);

        pump->pollNow();
        QVERIFY(peer.expectRequest("1E\r"));
        peer.send("-"); // stopped: the delivered rate is zero whatever the set rate
        QVERIFY(peer.expectRequest("1f\r"));
        peer.send("3250E+1\r\n");
        QTRY_COMPARE(probe->readings.size(), 2);
        QCOMPARE(probe->lastReading().value, 0.0);
    }

    void statusAndDataMergedInOneRead()
    {
        PtyPeer peer;
        std::unique_ptr<DriverProbe> probe;
        auto pump = connectedPump(peer, &probe);
        QVERIFY(pump);
        int result = -1;
        pump->command(QStringLiteral("feed"), 120.0, [&](bool ok, const QString &) { result = ok; });
        QVERIFY(peer.expectRequest("1f2000E+0\r")); // 120 mL/h = 2 mL/min
        peer.send("2000E+0\r\n");
        QVERIFY(peer.expectRequest("1H\r"));
        peer.send("*");
        QTRY_COMPARE(result, 1);
    }

    void refusalsFailTheCommand_data()
    {
        QTest::addColumn<QByteArray>("rateReply");
        QTest::addColumn<QByteArray>("startReply");
        QTest::newRow("rate refused") << QByteArray("#") << QByteArray();
        QTest::newRow("start refused") << QByteArray("2000E+0\r\n") << QByteArray("#");
    }
    void refusalsFailTheCommand()
    {
        QFETCH(QByteArray, rateReply);
        QFETCH(QByteArray, startReply);
        PtyPeer peer;
        std::unique_ptr<DriverProbe> probe;
        auto pump = connectedPump(peer, &probe);
        QVERIFY(pump);
        int result = -1;
        QString why;
        pump->command(QStringLiteral("feed"), 120.0, [&](bool ok, const QString &error) {
            result = ok;
            why = error;
        });
        QVERIFY(peer.expectRequest("1f2000E+0\r"));
        peer.send(rateReply);
        if (!startReply.isEmpty()) {
            QVERIFY(peer.expectRequest("1H\r"));
            peer.send(startReply);
        }
        QTRY_COMPARE(result, 0);
        QVERIFY(!why.isEmpty());
        QVERIFY(probe->lastProblem().contains(QStringLiteral("refused")));
    }

    void zeroRateStopsThePump()
    {
        PtyPeer peer;
        std::unique_ptr<DriverProbe> probe;
        auto pump = connectedPump(peer, &probe);
        QVERIFY(pump);
        int result = -1;
        pump->command(QStringLiteral("feed"), 0.0, [&](bool ok, const QString &) { result = ok; });
        QVERIFY(peer.expectRequest("1I\r"));
        peer.send("*");
        QTRY_COMPARE(result, 1);
    }

    void noiseBeforeAStatusCharacterIsSkipped()
    {
        PtyPeer peer;
        std::unique_ptr<DriverProbe> probe;
        auto pump = connectedPump(peer, &probe);
        QVERIFY(pump);
        int result = -1;
        pump->command(QStringLiteral("feed"), 0.0, [&](bool ok, const QString &) { result = ok; });
        QVERIFY(peer.expectRequest("1I\r"));
        peer.send(QByteArray("\x00\x13zz*", 5));
        QTRY_COMPARE(result, 1);
    }

    void badVolumeNumberInventsNoReading()
    {
        PtyPeer peer;
        std::unique_ptr<DriverProbe> probe;
        auto pump = connectedPump(peer, &probe);
        QVERIFY(pump);
        pump->pollNow();
        QVERIFY(peer.expectRequest("1E\r"));
        peer.send("+");
        QVERIFY(peer.expectRequest("1f\r"));
        peer.send("32.5 ml/min\r\n");
        QTRY_VERIFY(probe->lastProblem().contains(QStringLiteral("volume-type")));
        QCOMPARE(probe->readings.size(), 0);
    }

    void unknownActuatorIsRefused()
    {
        PtyPeer peer;
        std::unique_ptr<DriverProbe> probe;
        auto pump = connectedPump(peer, &probe);
        QVERIFY(pump);
        bool called = false;
        pump->command(QStringLiteral("base"), 1.0, [&](bool ok, const QString &) {
            called = true;
            QVERIFY(!ok);
        });
        QVERIFY(called);
        QCOMPARE(peer.received(), QByteArray());
    }
};

QTEST_GUILESS_MAIN(TestReglo)
#include "tst_instruments_reglo.moc"
