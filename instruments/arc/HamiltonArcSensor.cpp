#include "HamiltonArcSensor.h"

#include "ArcMeasurement.h"
#include "ModbusRtu.h"

#include <cmath>

HamiltonArcSensor::HamiltonArcSensor(const QString &name, const LinkEndpoint &endpoint, int slaveAddress,
                                     const QList<ChannelInfo> &channels, const QMap<QString, int> &registers,
                                     int pollPeriodMs, int timeoutMs, QObject *parent)
    : StreamInstrument(name, endpoint, channels, pollPeriodMs, timeoutMs, parent), m_slave(slaveAddress),
      m_registers(registers)
{
}

void HamiltonArcSensor::poll()
{
    for (const ChannelInfo &info : channels())
        readChannel(info, m_registers.value(info.name, ArcMeasurement::pmc1Register));
}

void HamiltonArcSensor::readChannel(const ChannelInfo &info, int manualRegister)
{
    constexpr quint8 readHolding = 3;
    const quint8 slave = quint8(m_slave);
    const QByteArray request = ModbusRtu::readRequest(slave, readHolding, quint16(manualRegister - 1),
                                                      ArcMeasurement::blockRegisters);
    auto scanner = [slave](const QByteArray &buffer) {
        return ModbusRtu::scanResponse(buffer, slave, readHolding, ArcMeasurement::blockRegisters);
    };
    queue()->request(
        request, scanner, timeoutMs(),
        [this, info, manualRegister](LinkRequestQueue::Outcome outcome, const QByteArray &frame) {
            if (outcome != LinkRequestQueue::Outcome::Replied)
                return;
            const ModbusRtu::Response response =
                ModbusRtu::parseResponse(frame, readHolding, ArcMeasurement::blockRegisters);
            ArcMeasurement m;
            if (response.kind == ModbusRtu::Response::Kind::Exception) {
                reportProblem(tr("register %1: %2").arg(manualRegister).arg(response.describeException()));
                return;
            }
            if (response.kind != ModbusRtu::Response::Kind::Registers ||
                !ArcMeasurement::decode(response.registers, &m)) {
                reportProblem(tr("register %1: %2").arg(manualRegister).arg(response.error));
                return;
            }
            const quint32 expectedUnit = ArcMeasurement::unitBitFor(info.unit);
            if (expectedUnit != 0 && !(m.unitBits & expectedUnit)) {
                Q_EMIT channelUnavailable(
                    info.name,
                    tr("sensor reports unit bits 0x%1, expected %2").arg(m.unitBits, 0, 16).arg(info.unit));
                return;
            }
            if (!std::isfinite(m.value)) {
                Q_EMIT channelUnavailable(info.name, m.describeStatus());
                return;
            }
            const Reading reading = makeReading(info, m.value, m.quality());
            if (m.quality() != Quality::Good)
                reportProblem(tr("%1: %2").arg(info.name, m.describeStatus()));
            Q_EMIT readingsReceived({reading});
        });
}
