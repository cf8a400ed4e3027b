#include "ModbusTcpFace.h"

#include "ModbusValue.h"
#include "SimulatedReactor.h"

#include <QTcpServer>
#include <QVariant>

#include <cmath>

namespace {
const ModbusValue f32{ModbusValue::Type::F32, false, 1.0};
const ModbusValue centi{ModbusValue::Type::I16, false, 0.01};
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
}

bool ModbusTcpFace::listen(quint16 port)
{
    if (port == 0) {
        // QModbusTcpServer does not tell which port it got: find a free one first.
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0)) {
            m_error = probe.errorString();
            return false;
        }
        port = probe.serverPort();
    }
    m_port = port;
    m_server.setConnectionParameter(QModbusDevice::NetworkAddressParameter, QStringLiteral("127.0.0.1"));
    m_server.setConnectionParameter(QModbusDevice::NetworkPortParameter, port);
    if (!m_server.connectDevice()) {
        m_error = m_server.errorString();
        return false;
    }
    refresh();
    m_refresh.start();
    return true;
}

void ModbusTcpFace::refresh()
{
    const bool disconnected = m_reactor->faults(QStringLiteral("modbus")).disconnected();
    if (disconnected != m_paused) {
        m_paused = disconnected;
        if (disconnected)
            m_server.disconnectDevice();
        else
            m_server.connectDevice();
    }
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
    put(baseRateRegister, f32.encode(m_reactor->physics().baseRateMlPerH()));
}

void ModbusTcpFace::onWritten(QModbusDataUnit::RegisterType table, int address, int size)
{
    if (table != QModbusDataUnit::HoldingRegisters || address > baseRateRegister + 1 ||
        address + size <= baseRateRegister)
        return;
    quint16 words[2] = {0, 0};
    m_server.data(QModbusDataUnit::HoldingRegisters, baseRateRegister, &words[0]);
    m_server.data(QModbusDataUnit::HoldingRegisters, baseRateRegister + 1, &words[1]);
    const double rate = f32.decode(words);
    if (std::isfinite(rate) && rate >= 0.0 && rate <= SimulatedReactor::maxBaseMlPerH)
        m_reactor->physics().setBaseRateMlPerH(rate);
}
