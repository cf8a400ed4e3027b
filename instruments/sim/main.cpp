// reactordesk-sim: a simulated bioreactor in its own process. One physics model, exposed as instrument
// protocols on a pseudo-terminal (the sensor face) and a TCP port on 127.0.0.1 (the controller face). Prints
// one JSON line on stdout saying where it listens, then serves until SIGTERM.
#include "PtyFace.h"
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
    parser.addOptions({seedOption, speedOption, portOption});
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

    SimulatedReactor reactor(seed, speed);
    const QStringList sensorChannels = {QStringLiteral("ph"), QStringLiteral("do"),
                                        QStringLiteral("temperature"), QStringLiteral("od")};
    const QStringList controllerChannels = {QStringLiteral("glucose"), QStringLiteral("volume"),
                                            QStringLiteral("balance"), QStringLiteral("feed_rate"),
                                            QStringLiteral("base_rate")};
    PtyFace sensors(ScpiCommandHandler(&reactor, QStringLiteral("sensor hub"), sensorChannels), &reactor);
    if (!sensors.isOpen()) {
        err << QCoreApplication::translate("sim", "cannot open a pseudo-terminal: %1")
                   .arg(sensors.errorString())
            << '\n';
        return 1;
    }
    TcpFace controller(ScpiCommandHandler(&reactor, QStringLiteral("controller"), controllerChannels),
                       &reactor);
    if (port > 65535 || !controller.listen(quint16(port))) {
        err << QCoreApplication::translate("sim", "cannot listen on 127.0.0.1:%1: %2")
                   .arg(port)
                   .arg(controller.errorString())
            << '\n';
        return 1;
    }

    UnixSignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &UnixSignalWatcher::terminationRequested, &app, &QCoreApplication::quit);

    const QJsonObject where{
        {QStringLiteral("pid"), qint64(QCoreApplication::applicationPid())},
        {QStringLiteral("speed"), speed},
        {QStringLiteral("sensors"), QJsonObject{{QStringLiteral("pty"), sensors.slavePath()}}},
        {QStringLiteral("controller"), QJsonObject{{QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                                                   {QStringLiteral("port"), int(controller.port())}}},
    };
    QTextStream(stdout) << QJsonDocument(where).toJson(QJsonDocument::Compact) << Qt::endl;
    return app.exec();
}
