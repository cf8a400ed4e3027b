#include "StationLoader.h"

#include "StationAlarmParser.h"
#include "StationFieldReader.h"
#include "StationInterlockParser.h"
#include "StationKeys.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("StationLoader", text);
}

// Names as error messages list them: in order, without the empty ones (already reported).
QStringList sorted(QStringList names)
{
    names.removeAll(QString());
    names.sort();
    return names;
}

ModbusPoint parseModbusPoint(const QJsonObject &object, const QString &path, const QString &fileName,
                             QStringList *errors)
{
    StationFieldReader r(object, path, fileName, errors);
    r.rejectUnknownKeys(StationKeys::modbus());
    ModbusPoint point;
    point.address = r.integer(QStringLiteral("register"), 0, 65535, -1);
    if (point.address < 0)
        r.fail(QStringLiteral("register"), tr("the register address on the wire (0 to 65535)"));
    const QString table = r.string(QStringLiteral("table"), false, QStringLiteral("holding"));
    if (table != QLatin1String("holding") && table != QLatin1String("input"))
        r.fail(QStringLiteral("table"), tr("\"holding\" or \"input\""));
    point.input = table == QLatin1String("input");
    if (!ModbusValue::typeFromName(r.string(QStringLiteral("type"), false, QStringLiteral("u16")),
                                   &point.format.type))
        r.fail(QStringLiteral("type"), tr("one of u16, i16, u32, i32, f32"));
    const QString order = r.string(QStringLiteral("wordOrder"), false, QStringLiteral("high-first"));
    if (order != QLatin1String("high-first") && order != QLatin1String("low-first"))
        r.fail(QStringLiteral("wordOrder"), tr("\"high-first\" or \"low-first\""));
    point.format.lowWordFirst = order == QLatin1String("low-first");
    point.format.scale = r.number(QStringLiteral("scale"), false, 1.0);
    if (point.format.scale == 0.0)
        r.fail(QStringLiteral("scale"), tr("a non-zero number"));
    return point;
}

bool modbusObject(const StationFieldReader &r, const QJsonObject &owner, QJsonObject *out)
{
    const QJsonValue v = owner.value(QStringLiteral("modbus"));
    if (!v.isObject()) {
        r.fail(QStringLiteral("modbus"), tr("an object {register, table, type, wordOrder, scale}"));
        return false;
    }
    *out = v.toObject();
    return true;
}

void parseChannel(const QJsonObject &object, const QString &path, const QString &fileName,
                  InstrumentConfig *c, QStringList *errors)
{
    StationFieldReader r(object, path, fileName, errors);
    r.rejectUnknownKeys(StationKeys::channel());
    ChannelInfo channel;
    channel.name = r.string(QStringLiteral("name"));
    channel.unit = r.string(QStringLiteral("unit"));
    channel.label = r.string(QStringLiteral("label"), false, channel.name);
    channel.minimum = r.number(QStringLiteral("min"), true);
    channel.maximum = r.number(QStringLiteral("max"), true);
    if (r.has(QStringLiteral("min")) && r.has(QStringLiteral("max")) && !(channel.maximum > channel.minimum))
        r.fail(QStringLiteral("max"), tr("a number greater than min"));
    if (c->driver == QLatin1String("scpi") && r.has(QStringLiteral("query")))
        c->scpiQueries.insert(channel.name, r.string(QStringLiteral("query")).toLatin1());
    if (c->driver == QLatin1String("hamilton-arc"))
        c->arcRegisters.insert(channel.name, r.integer(QStringLiteral("register"), 1, 65536, 2090));
    if (c->driver == QLatin1String("modbus-tcp")) {
        QJsonObject point;
        if (modbusObject(r, object, &point))
            c->modbusPoints.insert(
                channel.name, parseModbusPoint(point, r.path(QStringLiteral("modbus")), fileName, errors));
    }
    c->channels.append(channel);
}

void parseActuator(const QJsonObject &object, const QString &path, const QString &fileName,
                   InstrumentConfig *c, StationSafety *safety, QStringList *errors)
{
    StationFieldReader r(object, path, fileName, errors);
    r.rejectUnknownKeys(StationKeys::actuator());
    ActuatorConfig a;
    a.name = r.string(QStringLiteral("name"));
    a.unit = r.string(QStringLiteral("unit"));
    a.minimum = r.number(QStringLiteral("min"), true);
    a.maximum = r.number(QStringLiteral("max"), true);
    a.safeValue = r.number(QStringLiteral("safe"), true);
    if (!(a.maximum > a.minimum))
        r.fail(QStringLiteral("max"), tr("a number greater than min"));
    else if (a.safeValue < a.minimum || a.safeValue > a.maximum)
        r.fail(QStringLiteral("safe"),
               tr("a number within the hard limits %1 to %2").arg(a.minimum).arg(a.maximum));
    // The rate limit is a control setting, not the driver's: it goes with the station's safety configuration.
    if (r.has(QStringLiteral("maxChangePerSecond")))
        safety->maxChangePerSecond.insert(a.name, r.nonNegative(QStringLiteral("maxChangePerSecond")));
    if (c->driver == QLatin1String("scpi"))
        a.scpiCommand = r.string(QStringLiteral("command")).toLatin1();
    if (c->driver == QLatin1String("modbus-tcp")) {
        QJsonObject point;
        if (modbusObject(r, object, &point))
            a.modbusPoint = parseModbusPoint(point, r.path(QStringLiteral("modbus")), fileName, errors);
    }
    if (c->driver == QLatin1String("mt-sics") || c->driver == QLatin1String("hamilton-arc"))
        r.fail({}, tr("no actuators: a %1 instrument has none").arg(c->driver));
    c->actuators.append(a);
}

InstrumentConfig parseInstrument(const QJsonObject &object, const QString &path, const QString &fileName,
                                 StationSafety *safety, QStringList *errors)
{
    StationFieldReader r(object, path, fileName, errors);
    r.rejectUnknownKeys(StationKeys::instrument());
    InstrumentConfig c;
    c.name = r.string(QStringLiteral("name"));
    c.driver = r.string(QStringLiteral("driver"));
    if (r.has(QStringLiteral("driver")) && !InstrumentConfig::driverIds().contains(c.driver))
        r.fail(QStringLiteral("driver"),
               tr("one of %1").arg(InstrumentConfig::driverIds().join(QStringLiteral(", "))));
    c.port = r.string(QStringLiteral("port"));
    // The port's form depends on the driver: only checked once the driver is one we know.
    if (InstrumentConfig::driverIds().contains(c.driver) && !c.port.isEmpty() &&
        !InstrumentConfig::usesSerial(c.driver) &&
        !c.port.startsWith(QLatin1String(StationConfig::simulatorPrefix)) &&
        !c.port.contains(QLatin1Char(':')))
        r.fail(QStringLiteral("port"), tr("host:port for a %1 instrument").arg(c.driver));
    c.baudRate = r.integer(QStringLiteral("baud"), 300, 4000000, 0);
    c.frameFormat = r.string(QStringLiteral("format"), false);
    c.xonXoff = r.boolean(QStringLiteral("xonXoff"), false);
    c.address = r.integer(QStringLiteral("address"), 0, 247, 1);
    if (c.driver == QLatin1String("reglo-icc") && (c.address < 1 || c.address > 8))
        r.fail(QStringLiteral("address"), tr("a pump address from 1 to 8"));
    c.pollPeriodMs = r.integer(QStringLiteral("pollPeriodMs"), 50, 3600000, 1000);
    c.timeoutMs = r.integer(QStringLiteral("timeoutMs"), 10, 600000, 1000);
    c.stabilityTimeoutMs = r.integer(QStringLiteral("stabilityTimeoutMs"), 10, 600000, 10000);

    const QJsonArray channels = r.array(QStringLiteral("channels"), true);
    if (channels.isEmpty() && r.has(QStringLiteral("channels")))
        r.fail(QStringLiteral("channels"), tr("at least one channel"));
    for (int i = 0; i < channels.size(); ++i) {
        QJsonObject channel;
        if (StationFieldReader::objectAt(channels, i, r.path(QStringLiteral("channels")), fileName, errors,
                                         &channel))
            parseChannel(channel, r.path(QStringLiteral("channels[%1]").arg(i)), fileName, &c, errors);
    }
    const QJsonArray actuators = r.array(QStringLiteral("actuators"), false);
    for (int i = 0; i < actuators.size(); ++i) {
        QJsonObject actuator;
        if (StationFieldReader::objectAt(actuators, i, r.path(QStringLiteral("actuators")), fileName, errors,
                                         &actuator))
            parseActuator(actuator, r.path(QStringLiteral("actuators[%1]").arg(i)), fileName, &c, safety,
                          errors);
    }
    if (c.driver == QLatin1String("mt-sics") && channels.size() > 1)
        r.fail(QStringLiteral("channels"), tr("exactly one channel (the weight) for an MT-SICS balance"));
    if (c.driver == QLatin1String("reglo-icc") && (channels.size() != 1 || actuators.size() != 1))
        r.fail({}, tr("exactly one channel (delivered rate) and one actuator (rate) for a Reglo ICC pump"));
    return c;
}
} // namespace

namespace StationLoader {
StationLoadResult parse(const QByteArray &json, const QString &fileName)
{
    StationLoadResult result;
    result.station.fileName = fileName;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // Name the line, as a user fixing the file by hand will look for it.
        const int line = int(json.left(parseError.offset).count('\n')) + 1;
        result.errors.append(
            tr("%1: line %2: not valid JSON: %3").arg(fileName).arg(line).arg(parseError.errorString()));
        return result;
    }
    if (!document.isObject()) {
        result.errors.append(tr("%1: $: expected an object").arg(fileName));
        return result;
    }
    StationFieldReader root(document.object(), QStringLiteral("$"), fileName, &result.errors);
    root.rejectUnknownKeys(StationKeys::root());
    result.station.name = root.string(QStringLiteral("station"));
    const QJsonArray instruments = root.array(QStringLiteral("instruments"), true);
    if (instruments.isEmpty() && root.has(QStringLiteral("instruments")))
        root.fail(QStringLiteral("instruments"), tr("at least one instrument"));
    QSet<QString> instrumentNames, channelNames, actuatorNames;
    for (int i = 0; i < instruments.size(); ++i) {
        QJsonObject object;
        const QString path = QStringLiteral("$.instruments[%1]").arg(i);
        if (!StationFieldReader::objectAt(instruments, i, QStringLiteral("$.instruments"), fileName,
                                          &result.errors, &object))
            continue;
        const InstrumentConfig config =
            parseInstrument(object, path, fileName, &result.station.safety, &result.errors);
        if (!config.name.isEmpty() && instrumentNames.contains(config.name))
            result.errors.append(tr("%1: %2.name: expected a name no other instrument has (\"%3\" is taken)")
                                     .arg(fileName, path, config.name));
        instrumentNames.insert(config.name);
        for (int c = 0; c < config.channels.size(); ++c) {
            const QString &name = config.channels.at(c).name;
            if (!name.isEmpty() && channelNames.contains(name))
                result.errors.append(tr("%1: %2.channels[%3].name: expected a channel name used once in the "
                                        "station (\"%4\" is taken)")
                                         .arg(fileName, path)
                                         .arg(c)
                                         .arg(name));
            channelNames.insert(name);
        }
        for (int a = 0; a < config.actuators.size(); ++a) {
            const QString &name = config.actuators.at(a).name;
            if (!name.isEmpty() && actuatorNames.contains(name))
                result.errors.append(
                    tr("%1: %2.actuators[%3].name: expected an actuator name used once in the "
                       "station (\"%4\" is taken)")
                        .arg(fileName, path)
                        .arg(a)
                        .arg(name));
            actuatorNames.insert(name);
        }
        result.station.instruments.append(config);
    }
    const QStringList channels(channelNames.cbegin(), channelNames.cend());
    const QStringList actuators(actuatorNames.cbegin(), actuatorNames.cend());
    result.station.safety.alarms = StationAlarmParser::parse(root.array(QStringLiteral("alarms"), false),
                                                             fileName, sorted(channels), &result.errors);
    result.station.safety.interlocks =
        StationInterlockParser::parse(root.array(QStringLiteral("interlocks"), false), fileName,
                                      sorted(channels), sorted(actuators), &result.errors);
    if (!result.errors.isEmpty()) {
        result.station.instruments.clear();
        result.station.safety = {};
    }
    return result;
}

StationLoadResult loadFile(const QString &path)
{
    QFile file(path);
    const QString shownName = path.startsWith(QLatin1Char(':')) ? path : QFileInfo(path).absoluteFilePath();
    if (!file.open(QIODevice::ReadOnly)) {
        StationLoadResult result;
        result.errors.append(tr("%1: cannot read the station file: %2").arg(shownName, file.errorString()));
        return result;
    }
    return parse(file.readAll(), shownName);
}

QString demoStationPath()
{
    return QStringLiteral(":/stations/demo.json");
}
} // namespace StationLoader
