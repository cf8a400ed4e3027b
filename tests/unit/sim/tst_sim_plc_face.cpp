// The simulated vessel PLC (ModbusTcpFace) driven by the real Modbus TCP driver: the harvest pump (registers
// 12-13) and the stirrer (14-15) are writable f32 setpoints that reach the physics and read back; writes
// outside the simulated hardware's range are ignored and the read-back keeps the value in force.
#include "ModbusTcpFace.h"
#include "ModbusTcpInstrument.h"
#include "SimulatedReactor.h"

#include <QSignalSpy>
#include <QTest>

class TestSimPlcFace : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<SimulatedReactor> m_reactor;
    std::unique_ptr<ModbusTcpFace> m_face;
    std::unique_ptr<ModbusTcpInstrument> m_plc;
    QHash<QString, double> m_latest;

    // Sends a command through the driver and waits for its reply.
    bool command(const QString &actuator, double value)
    {
        bool finished = false, ok = false;
        m_plc->command(actuator, value, [&](bool success, const QString &) {
            finished = true;
            ok = success;
        });
        return QTest::qWaitFor([&] { return finished; }, 3000) && ok;
    }
    // Waits until the polled read-back of a channel shows value (f32 precision).
    bool readsBack(const QString &channel, double value)
    {
        return QTest::qWaitFor([&] { return std::abs(m_latest.value(channel, -1) - value) < 1e-3; }, 3000);
    }

private Q_SLOTS:
    void init()
    {
        m_reactor = std::make_unique<SimulatedReactor>(1, 1.0);
        m_face = std::make_unique<ModbusTcpFace>(m_reactor.get());
        QVERIFY2(m_face->listen(0), qPrintable(m_face->errorString()));
        using T = ModbusValue::Type;
        const ModbusValue f32{T::F32, false, 1.0};
        const QMap<QString, ModbusPoint> points{
            {QStringLiteral("harvest_rate"), {ModbusTcpFace::harvestRateRegister, false, f32}},
            {QStringLiteral("stirrer"), {ModbusTcpFace::stirrerRegister, false, f32}},
            {QStringLiteral("base_rate"), {ModbusTcpFace::baseRateRegister, false, f32}}};
        const QMap<QString, ModbusPoint> actuators{
            {QStringLiteral("harvest_pump"), {ModbusTcpFace::harvestRateRegister, false, f32}},
            {QStringLiteral("stirrer"), {ModbusTcpFace::stirrerRegister, false, f32}},
            {QStringLiteral("base_pump"), {ModbusTcpFace::baseRateRegister, false, f32}}};
        QList<ChannelInfo> channels;
        for (const QString &name : points.keys())
            channels.append({name, QStringLiteral("u"), {}, 0, 2000});
        m_plc =
            std::make_unique<ModbusTcpInstrument>(QStringLiteral("plc"), QStringLiteral("127.0.0.1"),
                                                  m_face->port(), 1, channels, points, actuators, 100, 500);
        connect(m_plc.get(), &InstrumentDriver::readingsReceived, this,
                [this](const QList<Reading> &readings) {
                    for (const Reading &r : readings)
                        m_latest.insert(r.channel, r.value);
                });
        m_plc->open();
        QVERIFY(QTest::qWaitFor([this] { return m_plc->state() == LinkState::Connected; }, 3000));
    }
    void cleanup()
    {
        m_plc.reset();
        m_face.reset();
        m_reactor.reset();
        m_latest.clear();
    }

    void defaultsReadBack()
    {
        QVERIFY(readsBack(QStringLiteral("stirrer"), m_reactor->physics().parameters().stirrerRefRpm));
        QVERIFY(readsBack(QStringLiteral("harvest_rate"), 0.0));
    }

    void harvestAndStirrerWritesReachThePhysics()
    {
        QVERIFY(command(QStringLiteral("harvest_pump"), 123.5));
        QVERIFY(command(QStringLiteral("stirrer"), 950.0));
        QCOMPARE(m_reactor->physics().harvestRateMlPerH(), 123.5);
        QCOMPARE(m_reactor->physics().stirrerRpm(), 950.0);
        QVERIFY(readsBack(QStringLiteral("harvest_rate"), 123.5));
        QVERIFY(readsBack(QStringLiteral("stirrer"), 950.0));
        // The neighbouring base pump register is untouched by these writes, and its own write still works.
        QCOMPARE(m_reactor->physics().baseRateMlPerH(), 0.0);
        QVERIFY(command(QStringLiteral("base_pump"), 12.0));
        QCOMPARE(m_reactor->physics().baseRateMlPerH(), 12.0);
        QCOMPARE(m_reactor->physics().harvestRateMlPerH(), 123.5);
        QCOMPARE(m_reactor->physics().stirrerRpm(), 950.0);
    }

    void writesOutsideTheHardwareRangeAreIgnored()
    {
        QVERIFY(command(QStringLiteral("stirrer"), 700.0));
        QVERIFY(command(QStringLiteral("harvest_pump"), 40.0));
        const double refused[][2] = {{SimulatedReactor::minStirrerRpm - 1, 0},
                                     {SimulatedReactor::maxStirrerRpm + 1, 0},
                                     {0, SimulatedReactor::maxHarvestMlPerH + 1},
                                     {0, -1}};
        for (const auto &pair : refused) {
            if (pair[0] != 0)
                QVERIFY(command(QStringLiteral("stirrer"), pair[0]));
            else
                QVERIFY(command(QStringLiteral("harvest_pump"), pair[1]));
            QCOMPARE(m_reactor->physics().stirrerRpm(), 700.0);
            QCOMPARE(m_reactor->physics().harvestRateMlPerH(), 40.0);
        }
        QVERIFY(command(QStringLiteral("stirrer"), qQNaN()));
        QCOMPARE(m_reactor->physics().stirrerRpm(), 700.0);
        // The register is restored from the physics: the client sees the speed in force.
        QVERIFY(readsBack(QStringLiteral("stirrer"), 700.0));
        QVERIFY(readsBack(QStringLiteral("harvest_rate"), 40.0));
    }
};

QTEST_GUILESS_MAIN(TestSimPlcFace)
#include "tst_sim_plc_face.moc"
