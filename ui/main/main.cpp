// reactordesk: the operator's workstation. With no station file it offers the station saved last, else runs
// the built-in demo: it starts the simulated reactor as a child process, connects to it over a
// pseudo-terminal and TCP, and records the run.
#include "AppIcon.h"
#include "ControlDocks.h"
#include "ControlSystem.h"
#include "MainWindow.h"
#include "ReactorSession.h"
#include "StationEditor.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QMessageBox>
#include <QPushButton>
#include <QTextStream>
#include <QTimer>
#include <QUrl>

#include <memory>

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
        QApplication::translate("main", "Station file (JSON). Without it the station saved last is offered, "
                                        "else the demo station runs on the simulator."),
        QStringLiteral("FILE"));
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        QApplication::translate("main", "Run the built-in demo station, signed in as a demo operator."));
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
    options.user = qEnvironmentVariable("USER", QStringLiteral("operator"));
    if (options.speed <= 0)
        parser.showHelp(2);
    const QUrl pubChemUrl(parser.value(baseUrl));
    if (parser.isSet(baseUrl) && (!pubChemUrl.isValid() || pubChemUrl.scheme().isEmpty())) {
        QTextStream(stderr)
            << QApplication::translate("main", "--base-url: not a URL: %1").arg(parser.value(baseUrl))
            << Qt::endl;
        return 2;
    }

    // The session and its window are made once the station is chosen (maybe after a question, see below).
    std::unique_ptr<ReactorSession> session;
    std::unique_ptr<MainWindow> window;
    const bool unattended = parser.isSet(screenshot) || parser.isSet(quitAfter);
    auto launch = [&](const QString &stationFile) {
        options.stationFile = stationFile;
        session = std::make_unique<ReactorSession>(options);
        if (!session->stationErrors().isEmpty()) {
            // The station is unusable: say exactly what is wrong with which file and field, and do not start.
            QTextStream(stderr) << session->stationErrors().join(QLatin1Char('\n')) << Qt::endl;
            auto *box =
                new QMessageBox(QMessageBox::Critical, QApplication::translate("main", "Station file"),
                                session->stationErrors().join(QLatin1Char('\n')));
            box->setAttribute(Qt::WA_DeleteOnClose);
            QApplication::setQuitOnLastWindowClosed(false); // the exit code is 1, set when the box is closed
            QObject::connect(box, &QMessageBox::finished, &app, [] { QCoreApplication::exit(1); });
            box->open();
            return;
        }
        window = std::make_unique<MainWindow>(session.get(), parser.value(baseUrl));
        QObject::connect(session.get(), &ReactorSession::stopped, &app, &QApplication::quit);
        window->show();
        QApplication::setQuitOnLastWindowClosed(true);
        session->start();
        // Until someone signs in the session is view-only; --demo signs in a demo operator.
        MainWindow *w = window.get();
        if (parser.isSet(demo))
            session->control()->users()->signInDemoOperator();
        else if (!unattended)
            QTimer::singleShot(0, w, [w] { w->controlDocks()->showLogin(); });
        if (unattended) {
            const double seconds = parser.isSet(quitAfter) ? parser.value(quitAfter).toDouble() : 5.0;
            const QString shot = parser.value(screenshot);
            QTimer::singleShot(int(seconds * 1000), w, [w, shot] {
                if (!shot.isEmpty())
                    w->grab().save(shot);
                w->close();
            });
        }
    };

    // --station runs that file and --demo always the demo; otherwise the station saved last is offered.
    const QString last = StationEditor::lastStation();
    if (parser.isSet(demo)) {
        launch(QString());
    } else if (parser.isSet(station) || unattended || last.isEmpty() || !QFile::exists(last)) {
        launch(parser.value(station));
    } else {
        QApplication::setQuitOnLastWindowClosed(false); // the question is the only window for a moment
        auto *ask =
            new QMessageBox(QMessageBox::Question, QApplication::translate("main", "Station"),
                            QApplication::translate("main", "Run the station saved last?\n%1").arg(last));
        QPushButton *useLast =
            ask->addButton(QApplication::translate("main", "Open this station"), QMessageBox::AcceptRole);
        ask->addButton(QApplication::translate("main", "Run the demo"), QMessageBox::RejectRole);
        ask->setDefaultButton(useLast);
        ask->setAttribute(Qt::WA_DeleteOnClose);
        QObject::connect(ask, &QMessageBox::finished, &app, [&launch, ask, useLast, last] {
            launch(ask->clickedButton() == useLast ? last : QString());
        });
        ask->open();
    }
    return app.exec();
}
