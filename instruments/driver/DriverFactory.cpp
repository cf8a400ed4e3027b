#include "DriverFactory.h"

#include "HamiltonArcSensor.h"
#include "ModbusTcpInstrument.h"
#include "MtSicsBalance.h"
#include "RegloIccPump.h"
#include "ScpiInstrument.h"

#include <QCoreApplication>
#include <QSerialPort>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("DriverFactory", text);
}

// "8N1" -> data bits, parity, stop bits.
bool applyFrameFormat(const QString &format, LinkEndpoint *e)
{
    if (format.size() != 3 || format.at(0) < QLatin1Char('5') || format.at(0) > QLatin1Char('8'))
        return false;
    e->dataBits = format.at(0).digitValue();
    const QChar parity = format.at(1).toUpper();
    if (parity == QLatin1Char('N'))
        e->parity = QSerialPort::NoParity;
    else if (parity == QLatin1Char('E'))
        e->parity = QSerialPort::EvenParity;
    else if (parity == QLatin1Char('O'))
        e->parity = QSerialPort::OddParity;
    else
        return false;
    if (format.at(2) != QLatin1Char('1') && format.at(2) != QLatin1Char('2'))
        return false;
    e->stopBits = format.at(2).digitValue();
    return true;
}
} // namespace

QStringList InstrumentConfig::driverIds()
{
    return {QStringLiteral("mt-sics"), QStringLiteral("reglo-icc"), QStringLiteral("hamilton-arc"),
            QStringLiteral("scpi"), QStringLiteral("modbus-tcp")};
}

bool InstrumentConfig::usesSerial(const QString &driver)
{
    return driver == QLatin1String("mt-sics") || driver == QLatin1String("reglo-icc") ||
           driver == QLatin1String("hamilton-arc");
}

namespace DriverFactory {
bool endpointFor(const InstrumentConfig &c, LinkEndpoint *endpoint, QString *error)
{
    if (InstrumentConfig::usesSerial(c.driver)) {
        const bool arc = c.driver == QLatin1String("hamilton-arc");
        *endpoint = LinkEndpoint::serial(c.port, c.baudRate > 0 ? c.baudRate : (arc ? 19200 : 9600));
        endpoint->softwareFlowControl = c.xonXoff;
        const QString format =
            c.frameFormat.isEmpty() ? (arc ? QStringLiteral("8N2") : QStringLiteral("8N1")) : c.frameFormat;
        if (!applyFrameFormat(format, endpoint)) {
            *error = tr("frame format \"%1\" is not like 8N1").arg(format);
            return false;
        }
        if (c.port.isEmpty()) {
            *error = tr("no serial port given");
            return false;
        }
        return true;
    }
    const qsizetype colon = c.port.lastIndexOf(QLatin1Char(':'));
    bool ok = false;
    const uint port = colon < 0 ? 0 : c.port.mid(colon + 1).toUInt(&ok);
    if (colon <= 0 || !ok || port == 0 || port > 65535) {
        *error = tr("\"%1\" is not host:port").arg(c.port);
        return false;
    }
    *endpoint = LinkEndpoint::tcp(c.port.left(colon), quint16(port));
    return true;
}

InstrumentDriver *create(const InstrumentConfig &c, QString *error, QObject *parent)
{
    LinkEndpoint endpoint;
    if (!endpointFor(c, &endpoint, error))
        return nullptr;
    if (c.driver == QLatin1String("mt-sics")) {
        if (c.channels.size() != 1) {
            *error = tr("an MT-SICS balance has exactly one channel (the weight)");
            return nullptr;
        }
        return new MtSicsBalance(c.name, endpoint, c.channels.first(), c.pollPeriodMs, c.timeoutMs,
                                 c.stabilityTimeoutMs, parent);
    }
    if (c.driver == QLatin1String("reglo-icc")) {
        if (c.channels.size() != 1 || c.actuators.size() != 1) {
            *error = tr("a Reglo ICC pump has one channel (the delivered rate) and one actuator (the rate)");
            return nullptr;
        }
        return new RegloIccPump(c.name, endpoint, c.address, c.channels.first(), c.actuators.first().name,
                                c.pollPeriodMs, c.timeoutMs, parent);
    }
    if (c.driver == QLatin1String("hamilton-arc"))
        return new HamiltonArcSensor(c.name, endpoint, c.address, c.channels, c.arcRegisters, c.pollPeriodMs,
                                     c.timeoutMs, parent);
    if (c.driver == QLatin1String("scpi")) {
        QMap<QString, QByteArray> setCommands;
        for (const ActuatorConfig &a : c.actuators)
            setCommands.insert(a.name, a.scpiCommand);
        return new ScpiInstrument(c.name, endpoint, c.channels, c.pollPeriodMs, c.timeoutMs, c.scpiQueries,
                                  setCommands, parent);
    }
    if (c.driver == QLatin1String("modbus-tcp")) {
        QMap<QString, ModbusPoint> actuatorPoints;
        for (const ActuatorConfig &a : c.actuators)
            actuatorPoints.insert(a.name, a.modbusPoint);
        return new ModbusTcpInstrument(c.name, endpoint.host, endpoint.port, c.address, c.channels,
                                       c.modbusPoints, actuatorPoints, c.pollPeriodMs, c.timeoutMs, parent);
    }
    *error = tr("unknown driver \"%1\" (expected one of %2)")
                 .arg(c.driver, InstrumentConfig::driverIds().join(QStringLiteral(", ")));
    return nullptr;
}

InstrumentConfig probeDefaults(const QString &driver)
{
    InstrumentConfig c;
    c.name = driver;
    c.driver = driver;
    c.pollPeriodMs = 200;
    if (driver == QLatin1String("mt-sics")) {
        c.channels = {{QStringLiteral("weight"), QStringLiteral("g"), tr("Weight"), 0, 0}};
    } else if (driver == QLatin1String("reglo-icc")) {
        c.channels = {{QStringLiteral("rate"), QStringLiteral("mL/h"), tr("Flow rate"), 0, 0}};
        c.actuators = {{QStringLiteral("rate"), QStringLiteral("mL/h"), 0, 0, 0, {}, {}}};
    } else if (driver == QLatin1String("hamilton-arc")) {
        // The primary channel's unit depends on the sensor type: no unit check for PMC1.
        c.channels = {{QStringLiteral("pmc1"), QString(), tr("Primary measurement"), 0, 0},
                      {QStringLiteral("pmc6"), QStringLiteral("degC"), tr("Temperature"), 0, 0}};
        c.arcRegisters = {{QStringLiteral("pmc1"), 2090}, {QStringLiteral("pmc6"), 2410}};
    } else if (driver == QLatin1String("modbus-tcp")) {
        for (int i = 0; i < 8; ++i) {
            const QString channel = QStringLiteral("hr%1").arg(i);
            c.channels.append({channel, QString(), channel, 0, 0});
            c.modbusPoints.insert(channel, ModbusPoint{i, false, {}});
        }
    }
    return c;
}
} // namespace DriverFactory
