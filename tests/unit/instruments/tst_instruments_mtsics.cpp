// MT-SICS balance conformance: replies parsed, and the driver's (sent, received) exchanges over a real pty.
#include "DriverProbe.h"
#include "MtSicsBalance.h"
#include "PtyPeer.h"

#include <QTest>

class TestMtSics : public QObject
{
    Q_OBJECT
private:
    // A balance driver connected to a pty whose other end the test plays, past the serial-number handshake.
    struct ConnectedBalance
    {
        std::unique_ptr<PtyPeer> peer = std::make_unique<PtyPeer>(); // reset() = the device is unplugged
        std::unique_ptr<MtSicsBalance> balance;
        std::unique_ptr<DriverProbe> probe;

        bool connect()
        {
            balance = std::make_unique<MtSicsBalance>(
                QStringLiteral("balance"), LinkEndpoint::serial(peer->path()),
                ChannelInfo{QStringLiteral("balance"), QStringLiteral("g"), {}, -10, 4200}, 100000, 300,
                2000);
            probe = std::make_unique<DriverProbe>(balance.get());
            balance->open();
            if (!probe->waitConnected(balance.get()) || !peer->expectRequest("I4\r\n"))
                return false;
            peer->send("I4 A \"B021002593\"\r\n");
            return QTest::qWaitFor([this] { return !balance->serialNumber().isEmpty(); }, 2000);
        }
    };

private Q_SLOTS:
    void parsesReplies_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<int>("kind");
        QTest::addColumn<double>("value");
        QTest::addColumn<bool>("stable");
        using K = MtSicsReply::Kind;
        QTest::newRow("stable") << QByteArray("S S     100.00 g") << int(K::Weight) << 100.0 << true;
        QTest::newRow("dynamic") << QByteArray("S D     129.07 g") << int(K::Weight) << 129.07 << false;
        QTest::newRow("negative") << QByteArray("S S      -3.50 g") << int(K::Weight) << -3.5 << true;
        QTest::newRow("not executable") << QByteArray("S I") << int(K::NotExecutable) << 0.0 << false;
        QTest::newRow("overload") << QByteArray("S +") << int(K::Overload) << 0.0 << false;
        QTest::newRow("underload") << QByteArray("S -") << int(K::Underload) << 0.0 << false;
        QTest::newRow("syntax error") << QByteArray("ES") << int(K::SyntaxError) << 0.0 << false;
        QTest::newRow("transmission error") << QByteArray("ET") << int(K::TransmissionError) << 0.0 << false;
        QTest::newRow("logical error") << QByteArray("EL") << int(K::LogicalError) << 0.0 << false;
        QTest::newRow("zero done") << QByteArray("Z A") << int(K::Done) << 0.0 << false;
        QTest::newRow("serial") << QByteArray("I4 A \"B021002593\"") << int(K::Text) << 0.0 << false;
        QTest::newRow("nan weight") << QByteArray("S S   nan g") << int(K::Malformed) << 0.0 << false;
        QTest::newRow("no unit") << QByteArray("S S 100.00") << int(K::Malformed) << 0.0 << false;
        QTest::newRow("garbage") << QByteArray("\xff\xfe=garbage") << int(K::Malformed) << 0.0 << false;
        QTest::newRow("empty") << QByteArray("") << int(K::Malformed) << 0.0 << false;
    }
    void parsesReplies()
    {
        QFETCH(QByteArray, line);
        QFETCH(int, kind);
        QFETCH(double, value);
        QFETCH(bool, stable);
        const MtSicsReply reply = MtSicsReply::parse(line);
        QCOMPARE(int(reply.kind), kind);
        if (reply.kind == MtSicsReply::Kind::Weight) {
            QCOMPARE(reply.value, value);
            QCOMPARE(reply.stable, stable);
            QCOMPARE(reply.unit, QStringLiteral("g"));
        }
        if (reply.kind == MtSicsReply::Kind::Text)
            QCOMPARE(reply.text, QStringLiteral("B021002593"));
    }

    void stableAndDynamicWeightsBecomeGoodAndUncertain()
    {
        ConnectedBalance rig;
        QVERIFY(rig.connect());
        QCOMPARE(rig.balance->serialNumber(), QStringLiteral("B021002593"));

        rig.balance->pollNow();
        QVERIFY(rig.peer->expectRequest("SI\r\n"));
        rig.peer->sendSplit("S S     812.40 g\r\n", 3); // split across reads
        QTRY_COMPARE(rig.probe->readings.size(), 1);
        QCOMPARE(rig.probe->lastReading().value, 812.40);
        QCOMPARE(rig.probe->lastReading().quality, Quality::Good);
        QCOMPARE(rig.probe->lastReading().unit, QStringLiteral("g"));

        rig.balance->pollNow();
        QVERIFY(rig.peer->expectRequest("SI\r\n"));
        rig.peer->send("S D     811.90 g\r\n");
        QTRY_COMPARE(rig.probe->readings.size(), 2);
        QCOMPARE(rig.probe->lastReading().quality, Quality::Uncertain);
    }

    void mergedRepliesOnlyAnswerTheCurrentRequest()
    {
        ConnectedBalance rig;
        QVERIFY(rig.connect());
        rig.balance->pollNow();
        QVERIFY(rig.peer->expectRequest("SI\r\n"));
        rig.peer->send("S S     100.00 g\r\nS S     999.00 g\r\n"); // a second, stale line in the same read
        QTRY_COMPARE(rig.probe->readings.size(), 1);
        QTest::qWait(50);
        QCOMPARE(rig.probe->readings.size(), 1);
        QCOMPARE(rig.probe->lastReading().value, 100.0);
    }

    void lateReplyIsNeverTakenForTheNextAnswer()
    {
        ConnectedBalance rig;
        QVERIFY(rig.connect());
        rig.balance->pollNow();
        QVERIFY(rig.peer->expectRequest("SI\r\n"));
        QTRY_VERIFY(rig.probe->lastProblem().contains(QStringLiteral("no reply to SI"))); // 300 ms timeout
        rig.peer->send("S S     555.00 g\r\n");                                           // too late
        QTest::qWait(50);
        rig.balance->pollNow();
        QVERIFY(rig.peer->expectRequest("SI\r\n"));
        rig.peer->send("S S     556.00 g\r\n");
        QTRY_COMPARE(rig.probe->readings.size(), 1);
        QCOMPARE(rig.probe->lastReading().value, 556.0);
    }

    void overloadUnderloadAndErrorsInventNoReading_data()
    {
        QTest::addColumn<QByteArray>("reply");
        QTest::addColumn<bool>("unavailable");
        QTest::newRow("overload") << QByteArray("S +\r\n") << true;
        QTest::newRow("underload") << QByteArray("S -\r\n") << true;
        QTest::newRow("not executable") << QByteArray("S I\r\n") << false;
        QTest::newRow("ES") << QByteArray("ES\r\n") << false;
        QTest::newRow("ET") << QByteArray("ET\r\n") << false;
        QTest::newRow("EL") << QByteArray("EL\r\n") << false;
        QTest::newRow("garbage") << QByteArray("\x01\x02zz\r\n") << false;
    }
    void overloadUnderloadAndErrorsInventNoReading()
    {
        QFETCH(QByteArray, reply);
        QFETCH(bool, unavailable);
        ConnectedBalance rig;
        QVERIFY(rig.connect());
        rig.balance->pollNow();
        QVERIFY(rig.peer->expectRequest("SI\r\n"));
        rig.peer->send(reply);
        if (unavailable) {
            QTRY_COMPARE(rig.probe->unavailable.size(), 1);
            QCOMPARE(rig.probe->unavailable.first().first().toString(), QStringLiteral("balance"));
        }
        QTest::qWait(100);
        QCOMPARE(rig.probe->readings.size(), 0);
        const bool reported = !rig.probe->problems.isEmpty() || unavailable || reply == "S I\r\n";
        QVERIFY(reported);
    }

    void outOfRangeWeightIsBad()
    {
        ConnectedBalance rig;
        QVERIFY(rig.connect());
        rig.balance->pollNow();
        QVERIFY(rig.peer->expectRequest("SI\r\n"));
        rig.peer->send("S S    5000.00 g\r\n");
        QTRY_COMPARE(rig.probe->readings.size(), 1);
        QCOMPARE(rig.probe->lastReading().quality, Quality::Bad);
    }

    void tareWaitsForStabilityWithTheLongTimeout()
    {
        ConnectedBalance rig;
        QVERIFY(rig.connect());
        int result = -1;
        rig.balance->command(QStringLiteral("tare"), 0, [&](bool ok, const QString &) { result = ok; });
        QVERIFY(rig.peer->expectRequest("T\r\n"));
        QTest::qWait(600); // beyond the 300 ms poll timeout, within the 2 s stability timeout
        QCOMPARE(result, -1);
        rig.peer->send("T S     812.40 g\r\n");
        QTRY_COMPARE(result, 1);
        rig.balance->command(QStringLiteral("zero"), 0, [&](bool ok, const QString &) { result = ok; });
        QVERIFY(rig.peer->expectRequest("Z\r\n"));
        rig.peer->send("EL\r\n");
        QTRY_COMPARE(result, 0);
    }

    void ptyClosedMidReplyInventsNoReading()
    {
        ConnectedBalance rig;
        QVERIFY(rig.connect());
        rig.balance->pollNow();
        QVERIFY(rig.peer->expectRequest("SI\r\n"));
        rig.peer->send("S S     81"); // half a reply, then the device is gone
        QTest::qWait(30);
        rig.peer.reset();
        QTRY_COMPARE(rig.balance->state(), LinkState::Reconnecting);
        QVERIFY(!rig.balance->lastError().isEmpty());
        QCOMPARE(rig.probe->readings.size(), 0);
        rig.balance->close();
        QCOMPARE(rig.balance->state(), LinkState::Disconnected);
    }
};

QTEST_GUILESS_MAIN(TestMtSics)
#include "tst_instruments_mtsics.moc"
