// reactordesk-cli probe --driver <mt-sics|reglo-icc|hamilton-arc|scpi|modbus-tcp> --port <path|host:port>
//                       [--address N] [--baud N] [--timeout-ms N] [--station FILE] [--instrument NAME]
// Connects once, reads every channel the driver offers and prints one line per channel:
// "<channel> <value> <unit> <quality>". Channels whose protocol carries no unit (SCPI fields, Modbus
// registers) get the unit of the station's channel of that name (the demo station unless --station), else
// "-".
// --instrument takes the driver, channels and register map of that station instrument (the port still from
// --port). On failure: a clear message on stderr and a non-zero exit.
#include "CommandLine.h"
#include "Commands.h"

#include "DriverFactory.h"
#include "InstrumentDriver.h"
#include "ScpiInstrument.h"
#include "ScpiReply.h"
#include "StationLoader.h"
#include "StreamInstrument.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>
#include <QTimer>

#include <map>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ProbeCommand", text);
}

struct ProbeResult
{
    std::map<QString, Reading> readings; // by channel, in name order
    QStringList unavailable;
    QString failure;
};

// stationUnits: channel -> unit, for readings whose protocol gives none.
void printReadings(const ProbeResult &result, const QHash<QString, QString> &stationUnits)
{
    QTextStream out(stdout);
    for (const auto &[channel, r] : result.readings) {
        const QString unit = !r.unit.isEmpty() ? r.unit : stationUnits.value(channel);
        out << channel << ' ' << QString::number(r.value, 'g', 10) << ' '
            << (unit.isEmpty() ? QStringLiteral("-") : unit) << ' ' << qualityName(r.quality) << '\n';
    }
}

// SCPI instruments name their own channels: ask *IDN? and READ?, and print every field.
void probeScpi(ScpiInstrument *scpi, ProbeResult *result, const std::function<void()> &finished)
{
    scpi->requestRaw("*IDN?", [result](bool ok, const QByteArray &line) {
        if (ok)
            QTextStream(stderr) << tr("identification: %1").arg(QString::fromLatin1(line)) << '\n';
    });
    scpi->request("READ?", [scpi, result, finished](const ScpiReply &reply, bool timedOut) {
        if (timedOut)
            result->failure = tr("%1 did not answer READ?").arg(scpi->endpointText());
        else if (reply.kind != ScpiReply::Kind::Fields)
            result->failure = tr("READ? gave no name=value fields: %1").arg(reply.text);
        for (const ScpiReply::Field &field : reply.fields)
            result->readings[field.name] = Reading{field.name, 0, field.value, {}, Quality::Good};
        finished();
    });
}
} // namespace

int runProbeCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Connect to one instrument once and print every channel it offers."));
    parser.addHelpOption();
    const QCommandLineOption driverOption(
        QStringLiteral("driver"),
        tr("Protocol: %1.").arg(InstrumentConfig::driverIds().join(QStringLiteral(", "))),
        QStringLiteral("DRIVER"));
    const QCommandLineOption portOption(
        QStringLiteral("port"), tr("Serial device path, or host:port for TCP."), QStringLiteral("PORT"));
    const QCommandLineOption addressOption(QStringLiteral("address"),
                                           tr("Pump address or Modbus slave/unit id."), QStringLiteral("N"),
                                           QStringLiteral("1"));
    const QCommandLineOption baudOption(QStringLiteral("baud"),
                                        tr("Serial baud rate (default: the protocol's)."),
                                        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption timeoutOption(QStringLiteral("timeout-ms"), tr("Timeout per request."),
                                           QStringLiteral("N"), QStringLiteral("2000"));
    const QCommandLineOption stationOption(QStringLiteral("station"),
                                           tr("Station file for channel units and --instrument (default: the "
                                              "demo station)."),
                                           QStringLiteral("FILE"), StationLoader::demoStationPath());
    const QCommandLineOption instrumentOption(
        QStringLiteral("instrument"), tr("Probe this instrument of the station (its driver and channels)."),
        QStringLiteral("NAME"));
    parser.addOptions({driverOption, portOption, addressOption, baudOption, timeoutOption, stationOption,
                       instrumentOption});
    QTextStream err(stderr);
    if (const auto exitNow = parseSubcommandLine(parser, arguments))
        return *exitNow;
    const StationLoadResult station = StationLoader::loadFile(parser.value(stationOption));
    if (!station.ok()) {
        err << station.errors.join(QLatin1Char('\n')) << '\n';
        return 2;
    }
    QHash<QString, QString> stationUnits;
    for (const ChannelInfo &channel : station.station.channels())
        stationUnits.insert(channel.name, channel.unit);
    InstrumentConfig config = DriverFactory::probeDefaults(parser.value(driverOption));
    if (parser.isSet(instrumentOption)) {
        const QString name = parser.value(instrumentOption);
        const auto &instruments = station.station.instruments;
        const auto found = std::find_if(instruments.cbegin(), instruments.cend(),
                                        [&](const InstrumentConfig &i) { return i.name == name; });
        if (found == instruments.cend()) {
            QStringList names;
            for (const InstrumentConfig &i : instruments)
                names << i.name;
            err << tr("%1 has no instrument '%2' (it has: %3)")
                       .arg(parser.value(stationOption), name, names.join(QStringLiteral(", ")))
                << '\n';
            return 2;
        }
        config = *found;
    }
    // With --instrument the station's values stand unless given on the command line.
    auto option = [&](const QCommandLineOption &o, int stationValue, bool *ok) {
        if (parser.isSet(instrumentOption) && !parser.isSet(o)) {
            *ok = true;
            return stationValue;
        }
        return parser.value(o).toInt(ok);
    };
    bool addressOk = false, baudOk = false, timeoutOk = false;
    config.port = parser.value(portOption);
    config.address = option(addressOption, config.address, &addressOk);
    config.baudRate = option(baudOption, config.baudRate, &baudOk);
    config.timeoutMs = option(timeoutOption, config.timeoutMs, &timeoutOk);
    config.stabilityTimeoutMs = config.timeoutMs;
    if (!InstrumentConfig::driverIds().contains(config.driver) || config.port.isEmpty() || !addressOk ||
        !baudOk || !timeoutOk || config.timeoutMs <= 0) {
        err << tr("usage: reactordesk-cli probe (--driver <%1> | --instrument NAME) --port <path|host:port> "
                  "[--address N] [--baud N] [--timeout-ms N] [--station FILE]")
                   .arg(InstrumentConfig::driverIds().join(QLatin1Char('|')))
            << '\n';
        return 2;
    }
    QString error;
    std::unique_ptr<InstrumentDriver> driver(DriverFactory::create(config, &error));
    if (!driver) {
        err << tr("cannot probe %1: %2").arg(config.port, error) << '\n';
        return 2;
    }

    ProbeResult result;
    QEventLoop loop;
    auto finished = [&loop] { loop.quit(); };
    const QStringList wanted = [&] {
        QStringList names;
        for (const ChannelInfo &c : driver->channels())
            names << c.name;
        return names;
    }();
    auto complete = [&] { return int(result.readings.size() + result.unavailable.size()) >= wanted.size(); };
    QObject::connect(driver.get(), &InstrumentDriver::readingsReceived, &loop,
                     [&](const QList<Reading> &readings) {
                         for (const Reading &r : readings)
                             result.readings.insert_or_assign(r.channel, r);
                         if (complete())
                             finished();
                     });
    QObject::connect(driver.get(), &InstrumentDriver::channelUnavailable, &loop,
                     [&](const QString &channel, const QString &why) {
                         result.unavailable << tr("%1: %2").arg(channel, why);
                         if (complete())
                             finished();
                     });
    QObject::connect(driver.get(), &InstrumentDriver::problem, &loop,
                     [&](const QString &message) { err << message << '\n'; });
    QObject::connect(driver.get(), &InstrumentDriver::stateChanged, &loop, [&](LinkState state) {
        if (state == LinkState::Reconnecting) { // connect once: the first failure ends the probe
            result.failure = tr("cannot reach %1: %2").arg(config.port, driver->lastError());
            finished();
        } else if (state == LinkState::Connected && config.driver == QLatin1String("scpi")) {
            probeScpi(static_cast<ScpiInstrument *>(driver.get()), &result, finished);
        } else if (state == LinkState::Connected) {
            if (auto *stream = qobject_cast<StreamInstrument *>(driver.get()))
                QTimer::singleShot(0, stream, &StreamInstrument::pollNow);
        }
    });
    // Overall bound: a few request timeouts (connect, setup commands, one per channel) and no more.
    QTimer::singleShot(config.timeoutMs * (4 + wanted.size()), &loop, [&] {
        if (result.failure.isEmpty())
            result.failure = tr("no complete answer from %1 within %2 ms")
                                 .arg(config.port)
                                 .arg(config.timeoutMs * (4 + wanted.size()));
        finished();
    });
    QTimer::singleShot(0, driver.get(), &InstrumentDriver::open); // failures must find the loop running
    loop.exec();
    driver->close();

    printReadings(result, stationUnits);
    for (const QString &line : std::as_const(result.unavailable))
        err << tr("unavailable: %1").arg(line) << '\n';
    if (!result.failure.isEmpty()) {
        err << result.failure << '\n';
        return 1;
    }
    return result.readings.empty() || !result.unavailable.isEmpty() ? 1 : 0;
}
