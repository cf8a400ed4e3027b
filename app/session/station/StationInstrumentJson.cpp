#include "StationInstrumentJson.h"

#include "StationKeys.h"
#include "StationObjectWriter.h"

#include <QJsonArray>

namespace {
// Defaults as StationLoader applies them when a key is absent.
const InstrumentConfig defaultInstrument;
constexpr int defaultArcRegister = 2090;

QString modbusTypeName(ModbusValue::Type type)
{
    switch (type) {
    case ModbusValue::Type::U16:
        return QStringLiteral("u16");
    case ModbusValue::Type::I16:
        return QStringLiteral("i16");
    case ModbusValue::Type::U32:
        return QStringLiteral("u32");
    case ModbusValue::Type::I32:
        return QStringLiteral("i32");
    case ModbusValue::Type::F32:
        return QStringLiteral("f32");
    }
    return {};
}

QJsonObject modbusJson(const ModbusPoint &point, const QJsonObject &original)
{
    StationObjectWriter w(original, StationKeys::modbus());
    w.set(QStringLiteral("register"), point.address);
    w.setUnlessDefault(QStringLiteral("table"),
                       point.input ? QStringLiteral("input") : QStringLiteral("holding"), !point.input);
    w.setUnlessDefault(QStringLiteral("type"), modbusTypeName(point.format.type),
                       point.format.type == ModbusValue::Type::U16);
    w.setUnlessDefault(QStringLiteral("wordOrder"),
                       point.format.lowWordFirst ? QStringLiteral("low-first") : QStringLiteral("high-first"),
                       !point.format.lowWordFirst);
    w.setUnlessDefault(QStringLiteral("scale"), point.format.scale, point.format.scale == 1.0);
    return w.object();
}

QJsonObject channelJson(const InstrumentConfig &instrument, const ChannelInfo &channel,
                        const QJsonObject &original)
{
    StationObjectWriter w(original, StationKeys::channel());
    w.set(QStringLiteral("name"), channel.name);
    w.set(QStringLiteral("unit"), channel.unit);
    w.setUnlessDefault(QStringLiteral("label"), channel.label, channel.label == channel.name);
    w.set(QStringLiteral("min"), channel.minimum);
    w.set(QStringLiteral("max"), channel.maximum);
    if (instrument.scpiQueries.contains(channel.name))
        w.set(QStringLiteral("query"), QString::fromLatin1(instrument.scpiQueries.value(channel.name)));
    if (instrument.driver == QLatin1String("hamilton-arc")) {
        const int reg = instrument.arcRegisters.value(channel.name, defaultArcRegister);
        w.setUnlessDefault(QStringLiteral("register"), reg, reg == defaultArcRegister);
    }
    if (instrument.modbusPoints.contains(channel.name))
        w.set(QStringLiteral("modbus"), modbusJson(instrument.modbusPoints.value(channel.name),
                                                   original.value(QStringLiteral("modbus")).toObject()));
    return w.object();
}

QJsonObject actuatorJson(const InstrumentConfig &instrument, const ActuatorConfig &actuator,
                         const QHash<QString, double> &maxChangePerSecond, const QJsonObject &original)
{
    StationObjectWriter w(original, StationKeys::actuator());
    w.set(QStringLiteral("name"), actuator.name);
    w.set(QStringLiteral("unit"), actuator.unit);
    w.set(QStringLiteral("min"), actuator.minimum);
    w.set(QStringLiteral("max"), actuator.maximum);
    w.set(QStringLiteral("safe"), actuator.safeValue);
    if (maxChangePerSecond.contains(actuator.name))
        w.set(QStringLiteral("maxChangePerSecond"), maxChangePerSecond.value(actuator.name));
    if (instrument.driver == QLatin1String("scpi"))
        w.set(QStringLiteral("command"), QString::fromLatin1(actuator.scpiCommand));
    if (instrument.driver == QLatin1String("modbus-tcp"))
        w.set(QStringLiteral("modbus"),
              modbusJson(actuator.modbusPoint, original.value(QStringLiteral("modbus")).toObject()));
    return w.object();
}
} // namespace

namespace StationInstrumentJson {
QJsonObject toJson(const InstrumentConfig &c, const QHash<QString, double> &maxChangePerSecond,
                   const QJsonObject &original)
{
    StationObjectWriter w(original, StationKeys::instrument());
    w.set(QStringLiteral("name"), c.name);
    w.set(QStringLiteral("driver"), c.driver);
    w.set(QStringLiteral("port"), c.port);
    if (c.baudRate != 0) // 0 is the driver's default, which the file gives by leaving "baud" out
        w.set(QStringLiteral("baud"), c.baudRate);
    if (!c.frameFormat.isEmpty())
        w.set(QStringLiteral("format"), c.frameFormat);
    w.setUnlessDefault(QStringLiteral("xonXoff"), c.xonXoff, c.xonXoff == defaultInstrument.xonXoff);
    w.setUnlessDefault(QStringLiteral("address"), c.address, c.address == defaultInstrument.address);
    w.setUnlessDefault(QStringLiteral("pollPeriodMs"), c.pollPeriodMs,
                       c.pollPeriodMs == defaultInstrument.pollPeriodMs);
    w.setUnlessDefault(QStringLiteral("timeoutMs"), c.timeoutMs, c.timeoutMs == defaultInstrument.timeoutMs);
    w.setUnlessDefault(QStringLiteral("stabilityTimeoutMs"), c.stabilityTimeoutMs,
                       c.stabilityTimeoutMs == defaultInstrument.stabilityTimeoutMs);

    const QJsonArray originalChannels = original.value(QStringLiteral("channels")).toArray();
    QJsonArray channels;
    for (const ChannelInfo &channel : c.channels)
        channels.append(channelJson(
            c, channel, StationObjectWriter::find(originalChannels, QStringLiteral("name"), channel.name)));
    w.set(QStringLiteral("channels"), channels);

    const QJsonArray originalActuators = original.value(QStringLiteral("actuators")).toArray();
    QJsonArray actuators;
    for (const ActuatorConfig &actuator : c.actuators)
        actuators.append(actuatorJson(
            c, actuator, maxChangePerSecond,
            StationObjectWriter::find(originalActuators, QStringLiteral("name"), actuator.name)));
    w.setUnlessDefault(QStringLiteral("actuators"), actuators, actuators.isEmpty());
    return w.object();
}
} // namespace StationInstrumentJson
