#include "ModbusTcpFace.h"

#include "ModbusValue.h"
#include "SimulatedReactor.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QVariant>

#include <cmath>

namespace {
const ModbusValue f32{ModbusValue::Type::F32, false, 1.0};
const ModbusValue centi{ModbusValue::Type::I16, false, 0.01};

// The PLC's writable setpoints (f32, two registers each) and the range the simulated hardware accepts.
struct WritableSetpoint
{
    int address;
    double minimum;
    double maximum;
    void (BioreactorPhysics::*set)(double);
    double (BioreactorPhysics::*get)() const;
};
const WritableSetpoint writableSetpoints[] = {
    {ModbusTcpFace::baseRateRegister, 0.0, SimulatedReactor::maxBaseMlPerH,
     &BioreactorPhysics::setBaseRateMlPerH, &BioreactorPhysics::baseRateMlPerH},
    {ModbusTcpFace::harvestRateRegister, 0.0, SimulatedReactor::maxHarvestMlPerH,
     &BioreactorPhysics::setHarvestRateMlPerH, &BioreactorPhysics::harvestRateMlPerH},
    {ModbusTcpFace::stirrerRegister, SimulatedReactor::minStirrerRpm, SimulatedReactor::maxStirrerRpm,
     &BioreactorPhysics::setStirrerRpm, &BioreactorPhysics::stirrerRpm},
};
} // namespace

ModbusTcpFace::ModbusTcpFace(SimulatedReactor *reactor, QObject *parent) : QObject(parent), m_reactor(reactor)
{
    QModbusDataUnitMap map;
    map.insert(QModbusDataUnit::HoldingRegisters, {QModbusDataUnit::HoldingRegisters, 0, 16});
    m_server.setMap(map);
    m_server.setServerAddress(1);
    connect(&m_server, &QModbusServer::dataWritten, this, &ModbusTcpFace::onWritten);
    m_refresh.setInterval(100);
    connect(&m_refresh, &QTimer::timeout, this, &ModbusTcpFace::refresh);
    connect(&m_proxy, &QTcpServer::newConnection, this, &ModbusTcpFace::onClient);
}

bool ModbusTcpFace::listen(quint16 port)
{
    if (!m_proxy.listen(QHostAddress::LocalHost, port)) {
        m_error = m_proxy.errorString();
        return false;
    }
    // QModbusTcpServer does not tell which port it got: find a free one for it first.
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0)) {
        m_error = probe.errorString();
        return false;
    }
    m_serverPort = probe.serverPort();
    probe.close();
    m_server.setConnectionParameter(QModbusDevice::NetworkAddressParameter, QStringLiteral("127.0.0.1"));
    m_server.setConnectionParameter(QModbusDevice::NetworkPortParameter, m_serverPort);
    if (!m_server.connectDevice()) {
        m_error = m_server.errorString();
        return false;
    }
    refresh();
    m_refresh.start();
    return true;
}

void ModbusTcpFace::onClient()
{
    while (QTcpSocket *client = m_proxy.nextPendingConnection()) {
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        FaultSwitches &faults = m_reactor->faults(QStringLiteral("modbus"));
        if (faults.disconnected()) {
            client->abort();
            continue;
        }
        auto *upstream = new QTcpSocket(client);
        upstream->connectToHost(QHostAddress::LocalHost, m_serverPort);
        connect(client, &QTcpSocket::readyRead, upstream, [this, client, upstream] {
            if (m_reactor->faults(QStringLiteral("modbus")).disconnected()) {
                client->abort();
                return;
            }
            upstream->write(client->readAll()); // buffered until the upstream connection is up
        });
        connect(upstream, &QTcpSocket::readyRead, client, [this, client, upstream] {
            m_reactor->faults(QStringLiteral("modbus"))
                .deliver(
                    upstream->readAll(), client, [client](const QByteArray &bytes) { client->write(bytes); },
                    m_reactor->random());
        });
        connect(upstream, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
    }
}

void ModbusTcpFace::refresh()
{
    auto put = [this](int address, const QList<quint16> &words) {
        for (int i = 0; i < words.size(); ++i)
            m_server.setData(QModbusDataUnit::HoldingRegisters, quint16(address + i), words.at(i));
    };
    double value = 0.0;
    m_reactor->measure(QStringLiteral("volume"), &value);
    put(0, f32.encode(value));
    m_reactor->measure(QStringLiteral("glucose"), &value);
    put(2, f32.encode(value));
    m_reactor->measure(QStringLiteral("temperature"), &value);
    put(4, centi.encode(value));
    m_reactor->measure(QStringLiteral("od"), &value);
    put(5, {quint16(std::lround(value * 100))});
    m_refreshing = true;
    for (const WritableSetpoint &setpoint : writableSetpoints)
        put(setpoint.address, f32.encode((m_reactor->physics().*setpoint.get)()));
    m_refreshing = false;
}

void ModbusTcpFace::onWritten(QModbusDataUnit::RegisterType table, int address, int size)
{
    if (table != QModbusDataUnit::HoldingRegisters || m_refreshing)
        return;
    for (const WritableSetpoint &setpoint : writableSetpoints) {
        if (address > setpoint.address + 1 || address + size <= setpoint.address)
            continue;
        quint16 words[2] = {0, 0};
        m_server.data(QModbusDataUnit::HoldingRegisters, quint16(setpoint.address), &words[0]);
        m_server.data(QModbusDataUnit::HoldingRegisters, quint16(setpoint.address + 1), &words[1]);
        const double value = f32.decode(words);
        if (std::isfinite(value) && value >= setpoint.minimum && value <= setpoint.maximum)
            (m_reactor->physics().*setpoint.set)(value);
    }
}
