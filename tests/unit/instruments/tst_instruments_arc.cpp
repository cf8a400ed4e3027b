// Hamilton Arc over Modbus RTU conformance: CRC, request bytes, measurement blocks (low word first), status
// bits, exceptions, wrong CRC, wrong slave address, NaN and out-of-range values, split frames and garbage.
#include "ArcMeasurement.h"
#include "DriverProbe.h"
#include "HamiltonArcSensor.h"
#include "ModbusRtu.h"
#include "ModbusValue.h"
#include "PtyPeer.h"

#include <QTest>

namespace {
QByteArray hex(const char *text)
{
    return QByteArray::fromHex(text);
}
// Read PMC1 (manual register 2090 -> 2089 = 0x0829 on the wire), 10 registers, slave 1.
const char *readPmc1 = "01030829000a1665";
const char *goodPh7 = "01031410000000000040e00000000000000000000041606e6d";
} // namespace

class TestArc : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<HamiltonArcSensor> connectedSensor(PtyPeer &peer, std::unique_ptr<DriverProbe> *probe)
    {
        auto sensor = std::make_unique<HamiltonArcSensor>(
            QStringLiteral("ph probe"), LinkEndpoint::serial(peer.path(), 19200), 1,
            QList<ChannelInfo>{{QStringLiteral("ph"), QStringLiteral("pH"), {}, 2, 12}},
            QMap<QString, int>{{QStringLiteral("ph"), 2090}}, 100000, 300);
        *probe = std::make_unique<DriverProbe>(sensor.get());
        sensor->open();
        if (!(*probe)->waitConnected(sensor.get()))
            return nullptr;
        return sensor;
    }

private Q_SLOTS:
    void crcAndRequestBytes()
    {
        QCOMPARE(ModbusRtu::readRequest(1, 3, 2089, 10), hex(readPmc1));
        QCOMPARE(ModbusRtu::readRequest(1, 3, 2409, 10), hex("01030969000a164d")); // PMC6 temperature
        QVERIFY(ModbusRtu::crcMatches(hex(goodPh7)));
        QVERIFY(!ModbusRtu::crcMatches(hex("01031410000000000040e00000000000000000000041606e6e")));
        QCOMPARE(ModbusRtu::writeMultipleRequest(1, 0x10, {0x0001}).toHex(),
                 QByteArray("011000100001020001") +
                     ModbusRtu::withCrc(hex("011000100001020001")).right(2).toHex());
    }

    void decodesAMeasurementBlockLowWordFirst()
    {
        const ModbusRtu::Response response = ModbusRtu::parseResponse(hex(goodPh7), 3, 10);
        QCOMPARE(int(response.kind), int(ModbusRtu::Response::Kind::Registers));
        ArcMeasurement m;
        QVERIFY(ArcMeasurement::decode(response.registers, &m));
        QCOMPARE(m.unitBits, quint32(ArcMeasurement::PH));
        QCOMPARE(m.value, 7.0);
        QCOMPARE(m.status, 0u);
        QCOMPARE(m.maximum, 14.0);
        QCOMPARE(m.quality(), Quality::Good);
        QCOMPARE(ArcMeasurement::decode(m.encode(), &m), true); // encode/decode round trip
        QCOMPARE(m.value, 7.0);
    }

    void wordOrders()
    {
        const quint16 highFirst[2] = {0x40e0, 0x0000};
        const quint16 lowFirst[2] = {0x0000, 0x40e0};
        QCOMPARE((ModbusValue{ModbusValue::Type::F32, false, 1.0}.decode(highFirst)), 7.0);
        QCOMPARE((ModbusValue{ModbusValue::Type::F32, true, 1.0}.decode(lowFirst)), 7.0);
        const quint16 i16[1] = {0xfff6};
        QCOMPARE((ModbusValue{ModbusValue::Type::I16, false, 0.1}.decode(i16)), -1.0);
        const quint16 u32[2] = {0x0001, 0x0002};
        QCOMPARE((ModbusValue{ModbusValue::Type::U32, true, 1.0}.decode(u32)), double(0x00020001));
    }

    void readings_data()
    {
        QTest::addColumn<QByteArray>("reply");
        QTest::addColumn<int>("expectedReadings");
        QTest::addColumn<int>("quality");
        QTest::addColumn<bool>("unavailable");
        QTest::addColumn<QString>("problem");
        QTest::newRow("good") << hex(goodPh7) << 1 << int(Quality::Good) << false << QString();
        QTest::newRow("sensor error bit") << hex("01031410000000000040e00010000000000000000041603aad") << 1
                                          << int(Quality::Bad) << false << QStringLiteral("sensor error");
        QTest::newRow("warning bit") << hex("01031410000000000040e0000800000000000000004160440d") << 1
                                     << int(Quality::Uncertain) << false << QStringLiteral("warning");
        QTest::newRow("outside sensor range") << hex("0103141000000000004170000000000000000000004160affd")
                                              << 1 << int(Quality::Bad) << false << QStringLiteral("outside");
        QTest::newRow("NaN") << hex("0103141000000000007fc00000000000000000000041602e32") << 0 << 0 << true
                             << QString();
        QTest::newRow("wrong unit") << hex("01031400200000000040e00000000000000000000041602739") << 0 << 0
                                    << true << QString();
        QTest::newRow("exception 2") << hex("018302c0f1") << 0 << 0 << false << QStringLiteral("exception 2");
        QTest::newRow("wrong CRC") << hex("01031410000000000040e00000000000000000000041606e6e") << 0 << 0
                                   << false << QStringLiteral("wrong CRC");
        QTest::newRow("wrong slave address") << hex("02031410000000000040e00000000000000000000041603a88") << 0
                                             << 0 << false << QStringLiteral("no reply");
        QTest::newRow("garbage then frame")
            << hex("ff13fe0103ee") + hex(goodPh7) << 1 << int(Quality::Good) << false << QString();
    }
    void readings()
    {
        QFETCH(QByteArray, reply);
        QFETCH(int, expectedReadings);
        QFETCH(int, quality);
        QFETCH(bool, unavailable);
        QFETCH(QString, problem);
        PtyPeer peer;
        std::unique_ptr<DriverProbe> probe;
        auto sensor = connectedSensor(peer, &probe);
        QVERIFY(sensor);
        sensor->pollNow();
        QVERIFY(peer.expectRequest(hex(readPmc1)));
        peer.send(reply);
        if (expectedReadings > 0) {
            QTRY_COMPARE(probe->readings.size(), expectedReadings);
            QCOMPARE(int(probe->lastReading().quality), quality);
        }
        if (unavailable)
            QTRY_COMPARE(probe->unavailable.size(), 1);
        if (!problem.isEmpty())
            QTRY_VERIFY2(probe->lastProblem().contains(problem), qPrintable(probe->lastProblem()));
        QTest::qWait(400); // past the timeout: nothing else arrives
        QCOMPARE(probe->readings.size(), expectedReadings);
    }

    void splitFrameIsReassembled()
    {
        PtyPeer peer;
        std::unique_ptr<DriverProbe> probe;
        auto sensor = connectedSensor(peer, &probe);
        QVERIFY(sensor);
        sensor->pollNow();
        QVERIFY(peer.expectRequest(hex(readPmc1)));
        peer.sendSplit(hex(goodPh7), 4);
        QTRY_COMPARE(probe->readings.size(), 1);
        QCOMPARE(probe->lastReading().value, 7.0);
    }
};

QTEST_GUILESS_MAIN(TestArc)
#include "tst_instruments_arc.moc"
