// reactordesk: the operator's workstation. With no station file it runs the built-in demo: it starts the
// simulated reactor as a child process, connects to it over a pseudo-terminal and TCP, and records the run.
#include "AppIcon.h"
#include "ControlDocks.h"
#include "ControlSystem.h"
#include "MainWindow.h"
#include "ReactorSession.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QTextStream>
#include <QTimer>
#include <QUrl>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("reactordesk"));
    QApplication::setOrganizationName(QStringLiteral("ReactorDesk"));
    QApplication::setApplicationVersion(QStringLiteral(REACTORDESK_VERSION));
    QApplication::setWindowIcon(appIcon()); // every window and the tray icon

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Bioreactor workstation."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption speed(QStringLiteral("speed"),
                                   QApplication::translate("main", "Demo reactor time acceleration."),
                                   QStringLiteral("N"), QStringLiteral("120"));
    const QCommandLineOption seed(QStringLiteral("seed"),
                                  QApplication::translate("main", "Demo reactor seed."), QStringLiteral("N"),
                                  QStringLiteral("1"));
    const QCommandLineOption runFile(QStringLiteral("run-file"),
                                     QApplication::translate("main", "Record to this run file."),
                                     QStringLiteral("RUNFILE"));
    const QCommandLineOption simulator(
        QStringLiteral("simulator"), QApplication::translate("main", "Path of reactordesk-sim."),
        QStringLiteral("PATH"), QCoreApplication::applicationDirPath() + QStringLiteral("/reactordesk-sim"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"), QApplication::translate("main", "Save a PNG of the window, then quit."),
        QStringLiteral("FILE"));
    const QCommandLineOption quitAfter(QStringLiteral("quit-after"),
                                       QApplication::translate("main", "Quit after this many seconds."),
                                       QStringLiteral("SECONDS"));
    const QCommandLineOption station(
        QStringLiteral("station"),
        QApplication::translate("main",
                                "Station file (JSON). Without it the demo station runs on the simulator."),
        QStringLiteral("FILE"));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QApplication::translate("main", "Start signed in as a demo operator."));
    const QCommandLineOption baseUrl(
        QStringLiteral("base-url"),
        QApplication::translate("main", "PubChem PUG REST base URL (a mirror or a local test server)."),
        QStringLiteral("URL"));
    parser.addOptions({speed, seed, runFile, simulator, screenshot, quitAfter, station, demo, baseUrl});
    parser.process(app);

    ReactorSession::Options options;
    options.simulatorProgram = parser.value(simulator);
    options.speed = parser.value(speed).toDouble();
    options.seed = parser.value(seed).toUInt();
    options.runFile = parser.value(runFile);
    options.stationFile = parser.value(station);
    options.user = qEnvironmentVariable("USER", QStringLiteral("operator"));
    if (options.speed <= 0)
        parser.showHelp(2);
    const QUrl pubChemUrl(parser.value(baseUrl));
    if (parser.isSet(baseUrl) && (!pubChemUrl.isValid() || pubChemUrl.scheme().isEmpty())) {
        QTextStream(stderr) << QApplication::translate("main", "--base-url: not a URL: %1")
                                   .arg(parser.value(baseUrl))
                            << Qt::endl;
        return 2;
    }

    ReactorSession session(options);
    if (!session.stationErrors().isEmpty()) {
        // The station is unusable: say exactly what is wrong with which file and field, and do not start.
        QTextStream(stderr) << session.stationErrors().join(QLatin1Char('\n')) << Qt::endl;
        QMessageBox::critical(nullptr, QApplication::translate("main", "Station file"),
                              session.stationErrors().join(QLatin1Char('\n')));
        return 1;
    }
    MainWindow window(&session, parser.value(baseUrl));
    QObject::connect(&session, &ReactorSession::stopped, &app, &QApplication::quit);
    window.show();
    session.start();
    // Until someone signs in the session is view-only; --demo signs in a demo operator.
    if (parser.isSet(demo))
        session.control()->users()->signInDemoOperator();
    else if (!parser.isSet(screenshot) && !parser.isSet(quitAfter))
        QTimer::singleShot(0, &window, [&window] { window.controlDocks()->showLogin(); });

    if (parser.isSet(screenshot) || parser.isSet(quitAfter)) {
        const double seconds = parser.isSet(quitAfter) ? parser.value(quitAfter).toDouble() : 5.0;
        QTimer::singleShot(int(seconds * 1000), &window, [&] {
            if (parser.isSet(screenshot))
                window.grab().save(parser.value(screenshot));
            window.close();
        });
    }
    return app.exec();
}
