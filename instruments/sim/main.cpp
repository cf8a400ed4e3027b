// reactordesk-sim: a simulated bioreactor in its own process. One physics model, exposed as real instrument
// protocols: SCPI-style sensor hub on a pty ("sensors"), SCPI controller on TCP ("controller"), MT-SICS
// balance, Reglo ICC feed pump and two Hamilton Arc sensors (Modbus RTU) on ptys, and a Modbus TCP vessel
// PLC. Prints one JSON line on stdout saying where each face listens, then serves until SIGTERM.
#include "ArcMeasurement.h"
#include "ArcModbusSlave.h"
#include "ModbusTcpFace.h"
#include "MtSicsCommandHandler.h"
#include "PtyFace.h"
#include "RegloCommandHandler.h"
#include "ScpiCommandHandler.h"
#include "SimulatedReactor.h"
#include "TcpFace.h"
#include "UnixSignalWatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("reactordesk-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(REACTORDESK_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("sim", "Simulated bioreactor."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption seedOption(
        QStringLiteral("seed"), QCoreApplication::translate("sim", "Random seed for measurement noise."),
        QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption speedOption(
        QStringLiteral("speed"), QCoreApplication::translate("sim", "Simulated seconds per real second."),
        QStringLiteral("X"), QStringLiteral("1"));
    const QCommandLineOption portOption(QStringLiteral("tcp-port"),
                                        QCoreApplication::translate("sim", "TCP port (0 = any free port)."),
                                        QStringLiteral("PORT"), QStringLiteral("0"));
    const QCommandLineOption modbusPortOption(
        QStringLiteral("modbus-port"),
        QCoreApplication::translate("sim", "Modbus TCP port (0 = any free port)."), QStringLiteral("PORT"),
        QStringLiteral("0"));
    const QCommandLineOption faultOption(
        QStringLiteral("fault"),
        QCoreApplication::translate("sim",
                                    "Fault for a face, e.g. pump:delay=1500 or all:garbage=5,split=1 "
                                    "(delay=MS, drop=P, garbage=S, split=0|1, disconnect=S). Repeatable."),
        QStringLiteral("FACE:SPEC"));
    parser.addOptions({seedOption, speedOption, portOption, modbusPortOption, faultOption});
    parser.process(app);

    QTextStream err(stderr);
    bool ok = false;
    const double speed = parser.value(speedOption).toDouble(&ok);
    if (!ok || speed <= 0) {
        err << QCoreApplication::translate("sim", "--speed must be a positive number") << '\n';
        return 2;
    }
    const quint32 seed = parser.value(seedOption).toUInt(&ok);
    const uint port = parser.value(portOption).toUInt();
    const uint modbusPort = parser.value(modbusPortOption).toUInt();

    SimulatedReactor reactor(seed, speed);
    for (const QString &fault : parser.values(faultOption)) {
        const QString error =
            reactor.applyFault(fault.section(QLatin1Char(':'), 0, 0), fault.section(QLatin1Char(':'), 1));
        if (!error.isEmpty()) {
            err << "--fault " << fault << ": " << error << '\n';
            return 2;
        }
    }
    const QStringList sensorChannels = {QStringLiteral("ph"), QStringLiteral("do"),
                                        QStringLiteral("temperature"), QStringLiteral("od")};
    const QStringList controllerChannels = {QStringLiteral("glucose"),   QStringLiteral("volume"),
                                            QStringLiteral("od"),        QStringLiteral("balance"),
                                            QStringLiteral("feed_rate"), QStringLiteral("base_rate")};
    auto scpiLines = [&reactor](const QString &name, const QStringList &channels) {
        auto handler = std::make_shared<ScpiCommandHandler>(&reactor, name, channels);
        return std::make_unique<LineFaceProtocol>(
            "\n", [handler](const QByteArray &line) { return handler->handle(line); });
    };
    MtSicsCommandHandler balanceHandler(&reactor);
    RegloCommandHandler pumpHandler(&reactor);
    PtyFace sensors(QStringLiteral("sensors"), scpiLines(QStringLiteral("sensor hub"), sensorChannels),
                    &reactor);
    PtyFace balance(
        QStringLiteral("balance"),
        std::make_unique<LineFaceProtocol>(
            "\n", [&balanceHandler](const QByteArray &line) { return balanceHandler.handle(line); }),
        &reactor);
    PtyFace pump(QStringLiteral("pump"),
                 std::make_unique<LineFaceProtocol>(
                     "\r", [&pumpHandler](const QByteArray &line) { return pumpHandler.handle(line); }),
                 &reactor);
    PtyFace arcPh(
        QStringLiteral("arc_ph"),
        std::make_unique<ArcModbusSlave>(&reactor, QStringLiteral("ph"), ArcMeasurement::PH, 0.0, 14.0),
        &reactor);
    PtyFace arcDo(QStringLiteral("arc_do"),
                  std::make_unique<ArcModbusSlave>(&reactor, QStringLiteral("do"), ArcMeasurement::PercentSat,
                                                   0.0, 300.0),
                  &reactor);
    for (const PtyFace *face : {&sensors, &balance, &pump, &arcPh, &arcDo}) {
        if (!face->isOpen()) {
            err << QCoreApplication::translate("sim", "cannot open a pseudo-terminal: %1")
                       .arg(face->errorString())
                << '\n';
            return 1;
        }
    }
    TcpFace controller(
        QStringLiteral("controller"),
        [&scpiLines, controllerChannels] {
            return scpiLines(QStringLiteral("controller"), controllerChannels);
        },
        &reactor);
    if (port > 65535 || !controller.listen(quint16(port))) {
        err << QCoreApplication::translate("sim", "cannot listen on 127.0.0.1:%1: %2")
                   .arg(port)
                   .arg(controller.errorString())
            << '\n';
        return 1;
    }

    ModbusTcpFace plc(&reactor);
    if (modbusPort > 65535 || !plc.listen(quint16(modbusPort))) {
        err << QCoreApplication::translate("sim", "cannot serve Modbus TCP on 127.0.0.1:%1: %2")
                   .arg(modbusPort)
                   .arg(plc.errorString())
            << '\n';
        return 1;
    }

    UnixSignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &UnixSignalWatcher::terminationRequested, &app, &QCoreApplication::quit);

    auto pty = [](const PtyFace &face) { return QJsonObject{{QStringLiteral("pty"), face.slavePath()}}; };
    auto tcp = [](quint16 tcpPort) {
        return QJsonObject{{QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                           {QStringLiteral("port"), int(tcpPort)}};
    };
    const QJsonObject where{
        {QStringLiteral("pid"), qint64(QCoreApplication::applicationPid())},
        {QStringLiteral("speed"), speed},
        {QStringLiteral("sensors"), QJsonObject{{QStringLiteral("pty"), sensors.slavePath()}}},
        {QStringLiteral("controller"), QJsonObject{{QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                                                   {QStringLiteral("port"), int(controller.port())}}},
        {QStringLiteral("faces"), QJsonObject{{QStringLiteral("sensors"), pty(sensors)},
                                              {QStringLiteral("balance"), pty(balance)},
                                              {QStringLiteral("pump"), pty(pump)},
                                              {QStringLiteral("arc_ph"), pty(arcPh)},
                                              {QStringLiteral("arc_do"), pty(arcDo)},
                                              {QStringLiteral("controller"), tcp(controller.port())},
                                              {QStringLiteral("modbus"), tcp(plc.port())}}},
    };
    QTextStream(stdout) << QJsonDocument(where).toJson(QJsonDocument::Compact) << Qt::endl;
    return app.exec();
}
