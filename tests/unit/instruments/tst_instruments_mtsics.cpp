// MT-SICS balance conformance: replies parsed, and the driver's (sent, received) exchanges over a real pty.
#include "DriverProbe.h"
#include "MtSicsBalance.h"
#include "PtyPeer.h"

#include <QTest>

class TestMtSics : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<MtSicsBalance> connectedBalance(PtyPeer &peer, DriverProbe **probe)
    {
        auto balance = std::make_unique<MtSicsBalance>(
            QStringLiteral("balance"), LinkEndpoint::serial(peer.path()),
            ChannelInfo{QStringLiteral("balance"), QStringLiteral("g"), {}, -10, 4200}, 100000, 300, 2000);
        *probe = new DriverProbe(balance.get());
        balance->open();
        if (!(*probe)->waitConnected(balance.get()) || !peer.expectRequest("I4\r\n"))
            return nullptr;
        peer.send("I4 A \"B021002593\"\r\n");
        if (!QTest::qWaitFor([&] { return !balance->serialNumber().isEmpty(); }, 2000))
            return nullptr;
        return balance;
    }

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
        PtyPeer peer;
        DriverProbe *raw = nullptr;
        auto balance = connectedBalance(peer, &raw);
        std::unique_ptr<DriverProbe> probe(raw);
        QVERIFY(balance);
        QCOMPARE(balance->serialNumber(), QStringLiteral("B021002593"));

        balance->pollNow();
        QVERIFY(peer.expectRequest("SI\r\n"));
        peer.sendSplit("S S     812.40 g\r\n", 3); // split across reads
        QTRY_COMPARE(probe->readings.size(), 1);
        QCOMPARE(probe->lastReading().value, 812.40);
        QCOMPARE(probe->lastReading().quality, Quality::Good);
        QCOMPARE(probe->lastReading().unit, QStringLiteral("g"));

        balance->pollNow();
        QVERIFY(peer.expectRequest("SI\r\n"));
        peer.send("S D     811.90 g\r\n");
        QTRY_COMPARE(probe->readings.size(), 2);
        QCOMPARE(probe->lastReading().quality, Quality::Uncertain);
    }

    void mergedRepliesOnlyAnswerTheCurrentRequest()
    {
        PtyPeer peer;
        DriverProbe *raw = nullptr;
        auto balance = connectedBalance(peer, &raw);
        std::unique_ptr<DriverProbe> probe(raw);
        QVERIFY(balance);
        balance->pollNow();
        QVERIFY(peer.expectRequest("SI\r\n"));
        peer.send("S S     100.00 g\r\nS S     999.00 g\r\n"); // a second, stale line in the same read
        QTRY_COMPARE(probe->readings.size(), 1);
        QTest::qWait(50);
        QCOMPARE(probe->readings.size(), 1);
        QCOMPARE(probe->lastReading().value, 100.0);
    }

    void lateReplyIsNeverTakenForTheNextAnswer()
    {
        PtyPeer peer;
        DriverProbe *raw = nullptr;
        auto balance = connectedBalance(peer, &raw);
        std::unique_ptr<DriverProbe> probe(raw);
        QVERIFY(balance);
        balance->pollNow();
        QVERIFY(peer.expectRequest("SI\r\n"));
        QTRY_VERIFY(probe->lastProblem().contains(QStringLiteral("no reply to SI"))); // 300 ms timeout
        peer.send("S S     555.00 g\r\n");                                            // too late
        QTest::qWait(50);
        balance->pollNow();
        QVERIFY(peer.expectRequest("SI\r\n"));
        peer.send("S S     556.00 g\r\n");
        QTRY_COMPARE(probe->readings.size(), 1);
        QCOMPARE(probe->lastReading().value, 556.0);
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
        PtyPeer peer;
        DriverProbe *raw = nullptr;
        auto balance = connectedBalance(peer, &raw);
        std::unique_ptr<DriverProbe> probe(raw);
        QVERIFY(balance);
        balance->pollNow();
        QVERIFY(peer.expectRequest("SI\r\n"));
        peer.send(reply);
        if (unavailable) {
            QTRY_COMPARE(probe->unavailable.size(), 1);
            QCOMPARE(probe->unavailable.first().first().toString(), QStringLiteral("balance"));
        }
        QTest::qWait(100);
        QCOMPARE(probe->readings.size(), 0);
        const bool reported = !probe->problems.isEmpty() || unavailable || reply == "S I\r\n";
        QVERIFY(reported);
    }

    void outOfRangeWeightIsBad()
    {
        PtyPeer peer;
        DriverProbe *raw = nullptr;
        auto balance = connectedBalance(peer, &raw);
        std::unique_ptr<DriverProbe> probe(raw);
        QVERIFY(balance);
        balance->pollNow();
        QVERIFY(peer.expectRequest("SI\r\n"));
        peer.send("S S    5000.00 g\r\n");
        QTRY_COMPARE(probe->readings.size(), 1);
        QCOMPARE(probe->lastReading().quality, Quality::Bad);
    }

    void tareWaitsForStabilityWithTheLongTimeout()
    {
        PtyPeer peer;
        DriverProbe *raw = nullptr;
        auto balance = connectedBalance(peer, &raw);
        std::unique_ptr<DriverProbe> probe(raw);
        QVERIFY(balance);
        int result = -1;
        balance->command(QStringLiteral("tare"), 0, [&](bool ok, const QString &) { result = ok; });
        QVERIFY(peer.expectRequest("T\r\n"));
        QTest::qWait(600); // beyond the 300 ms poll timeout, within the 2 s stability timeout
        QCOMPARE(result, -1);
        peer.send("T S     812.40 g\r\n");
        QTRY_COMPARE(result, 1);
        balance->command(QStringLiteral("zero"), 0, [&](bool ok, const QString &) { result = ok; });
        QVERIFY(peer.expectRequest("Z\r\n"));
        peer.send("EL\r\n");
        QTRY_COMPARE(result, 0);
    }

    void ptyClosedMidReplyInventsNoReading()
    {
        auto peer = std::make_unique<PtyPeer>();
        DriverProbe *raw = nullptr;
        auto balance = connectedBalance(*peer, &raw);
        std::unique_ptr<DriverProbe> probe(raw);
        QVERIFY(balance);
        balance->pollNow();
        QVERIFY(peer->expectRequest("SI\r\n"));
        peer->send("S S     81"); // half a reply, then the device is gone
        QTest::qWait(30);
        peer.reset();
        QTRY_COMPARE(balance->state(), LinkState::Reconnecting);
        QVERIFY(!balance->lastError().isEmpty());
        QCOMPARE(probe->readings.size(), 0);
        balance->close();
        QCOMPARE(balance->state(), LinkState::Disconnected);
    }
};

QTEST_GUILESS_MAIN(TestMtSics)
#include "tst_instruments_mtsics.moc"
