// Generic Modbus TCP conformance against a QModbusTcpServer on 127.0.0.1: data types, word orders, scale,
// writes of an actuator, exception responses, and the link state machine when the server goes away.
#include "DriverProbe.h"
#include "ModbusTcpInstrument.h"

#include <QModbusTcpServer>
#include <QTcpServer>
#include <QTest>
#include <QVariant>

class TestModbusTcp : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<QModbusTcpServer> m_server;
    quint16 m_port = 0;

    bool startServer()
    {
        m_server = std::make_unique<QModbusTcpServer>();
        QModbusDataUnitMap map;
        map.insert(QModbusDataUnit::HoldingRegisters, {QModbusDataUnit::HoldingRegisters, 0, 20});
        map.insert(QModbusDataUnit::InputRegisters, {QModbusDataUnit::InputRegisters, 0, 4});
        m_server->setMap(map);
        m_server->setServerAddress(1);
        m_server->setConnectionParameter(QModbusDevice::NetworkAddressParameter, QStringLiteral("127.0.0.1"));
        m_server->setConnectionParameter(QModbusDevice::NetworkPortParameter, m_port);
        // 7.0 as f32 high word first at 0-1; 7.0 low word first at 2-3; -12.34 as i16 x0.01 at 4; input reg 1
        // = 42
        const quint16 holding[] = {0x40e0, 0x0000, 0x0000, 0x40e0, quint16(qint16(-1234))};
        for (int i = 0; i < 5; ++i)
            m_server->setData(QModbusDataUnit::HoldingRegisters, quint16(i), holding[i]);
        m_server->setData(QModbusDataUnit::InputRegisters, 1, 42);
        return m_server->connectDevice();
    }
    std::unique_ptr<ModbusTcpInstrument> makeInstrument(QMap<QString, ModbusPoint> points = {})
    {
        using T = ModbusValue::Type;
        if (points.isEmpty())
            points = {{QStringLiteral("high"), {0, false, {T::F32, false, 1.0}}},
                      {QStringLiteral("low"), {2, false, {T::F32, true, 1.0}}},
                      {QStringLiteral("scaled"), {4, false, {T::I16, false, 0.01}}},
                      {QStringLiteral("input"), {1, true, {T::U16, false, 1.0}}}};
        QList<ChannelInfo> channels;
        for (const QString &name : points.keys())
            channels.append({name, QStringLiteral("u"), {}, -100, 100});
        return std::make_unique<ModbusTcpInstrument>(
            QStringLiteral("plc"), QStringLiteral("127.0.0.1"), m_port, 1, channels, points,
            QMap<QString, ModbusPoint>{{QStringLiteral("base"), {10, false, {T::F32, false, 1.0}}}}, 100,
            300);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        m_port = probe.serverPort();
    }
    void init() { QVERIFY(startServer()); }
    void cleanup() { m_server.reset(); }

    void readsEveryDataTypeAndWordOrder()
    {
        auto plc = makeInstrument();
        DriverProbe probe(plc.get());
        plc->open();
        QVERIFY(probe.waitConnected(plc.get()));
        QTRY_VERIFY(probe.readings.size() >= 4);
        QHash<QString, double> values;
        for (const QList<QVariant> &signal : std::as_const(probe.readings))
            for (const Reading &r : signal.first().value<QList<Reading>>())
                values.insert(r.channel, r.value);
        QCOMPARE(values.value(QStringLiteral("high")), 7.0);
        QCOMPARE(values.value(QStringLiteral("low")), 7.0);
        QVERIFY(qAbs(values.value(QStringLiteral("scaled")) + 12.34) < 1e-9);
        QCOMPARE(values.value(QStringLiteral("input")), 42.0);
    }

    void writesAnActuator()
    {
        auto plc = makeInstrument();
        DriverProbe probe(plc.get());
        plc->open();
        QVERIFY(probe.waitConnected(plc.get()));
        int result = -1;
        plc->command(QStringLiteral("base"), 7.0, [&](bool ok, const QString &) { result = ok; });
        QTRY_COMPARE(result, 1);
        quint16 high = 0, low = 0;
        m_server->data(QModbusDataUnit::HoldingRegisters, 10, &high);
        m_server->data(QModbusDataUnit::HoldingRegisters, 11, &low);
        QCOMPARE(high, quint16(0x40e0));
        QCOMPARE(low, quint16(0));
    }

    void exceptionResponseInventsNoReading()
    {
        // Register 100 is outside the server's map: exception 2 (illegal data address).
        auto plc = makeInstrument({{QStringLiteral("missing"), {100, false, {}}}});
        DriverProbe probe(plc.get());
        plc->open();
        QVERIFY(probe.waitConnected(plc.get()));
        QTRY_VERIFY(!probe.problems.isEmpty());
        QCOMPARE(probe.readings.size(), 0);
    }

    void nanInventsNoReading()
    {
        m_server->setData(QModbusDataUnit::HoldingRegisters, 0, 0x7fc0);
        auto plc =
            makeInstrument({{QStringLiteral("high"), {0, false, {ModbusValue::Type::F32, false, 1.0}}}});
        DriverProbe probe(plc.get());
        plc->open();
        QVERIFY(probe.waitConnected(plc.get()));
        QTRY_VERIFY(!probe.unavailable.isEmpty());
        QCOMPARE(probe.readings.size(), 0);
    }

    void serverLossReconnectsWithBackoffAndManualCloseStops()
    {
        auto plc = makeInstrument();
        DriverProbe probe(plc.get());
        plc->open();
        QVERIFY(probe.waitConnected(plc.get()));
        m_server.reset();
        QTRY_COMPARE(plc->state(), LinkState::Reconnecting);
        QVERIFY(startServer());
        QTRY_COMPARE_WITH_TIMEOUT(plc->state(), LinkState::Connected, 8000);
        plc->close();
        QCOMPARE(plc->state(), LinkState::Disconnected);
        QTest::qWait(700);
        QCOMPARE(plc->state(), LinkState::Disconnected); // no retries after a manual disconnect
    }
};

QTEST_GUILESS_MAIN(TestModbusTcp)
#include "tst_instruments_modbus_tcp.moc"
