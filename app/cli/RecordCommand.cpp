// reactordesk-cli record --demo|--station FILE [--speed N] --duration SECONDS --out RUNFILE [--anchors DIR]
// [--key FILE] [--note-every MS]: anchors of the audit trail go to DIR, sealed with the key in FILE (default:
// the GUI's); --note-every adds an operator note (an audit row) every MS milliseconds, so that scripts and
// the crash tests have an audit trail that grows while recording.
#include "CommandLine.h"
#include "Commands.h"

#include "ReactorSession.h"
#include "RunRecorder.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>
#include <QTimer>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("RecordCommand", text);
}
} // namespace

int runRecordCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Record a run to a file."));
    parser.addHelpOption();
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  tr("Record the built-in demo reactor (simulator)."));
    const QCommandLineOption speed(QStringLiteral("speed"), tr("Simulator time acceleration."),
                                   QStringLiteral("N"), QStringLiteral("60"));
    const QCommandLineOption seed(QStringLiteral("seed"), tr("Simulator seed."), QStringLiteral("N"),
                                  QStringLiteral("1"));
    const QCommandLineOption duration(QStringLiteral("duration"), tr("Seconds to record."),
                                      QStringLiteral("S"));
    const QCommandLineOption out(QStringLiteral("out"), tr("Run file to write."), QStringLiteral("RUNFILE"));
    const QCommandLineOption simulator(
        QStringLiteral("simulator"), tr("Path of reactordesk-sim."), QStringLiteral("PATH"),
        QCoreApplication::applicationDirPath() + QStringLiteral("/reactordesk-sim"));
    const QCommandLineOption station(QStringLiteral("station"),
                                     tr("Record this station (JSON) instead of the demo."),
                                     QStringLiteral("FILE"));
    const AnchorLocation standardAnchors = AnchorLocation::standard();
    const QCommandLineOption anchors(
        QStringLiteral("anchors"),
        tr("Folder of the audit anchor logs (default %1).").arg(standardAnchors.folder),
        QStringLiteral("DIR"), standardAnchors.folder);
    const QCommandLineOption key(
        QStringLiteral("key"), tr("The installation's anchor key (default %1).").arg(standardAnchors.keyFile),
        QStringLiteral("FILE"), standardAnchors.keyFile);
    const QCommandLineOption noteEvery(
        QStringLiteral("note-every"),
        tr("Add a note \"note N\" (an audit row, anchored) every MS milliseconds while recording."),
        QStringLiteral("MS"));
    parser.addOptions({demo, station, speed, seed, duration, out, simulator, anchors, key, noteEvery});
    QTextStream err(stderr);
    if (const auto exitNow = parseSubcommandLine(parser, arguments))
        return *exitNow;
    bool ok = false;
    const double seconds = parser.value(duration).toDouble(&ok);
    if (parser.isSet(demo) == parser.isSet(station) || !ok || seconds <= 0 || !parser.isSet(out)) {
        err << tr("usage: reactordesk-cli record --demo|--station FILE [--speed N] --duration SECONDS --out "
                  "RUNFILE [--anchors DIR] [--key FILE] [--note-every MS]")
            << '\n';
        return 2;
    }
    const int noteIntervalMs = parser.isSet(noteEvery) ? parser.value(noteEvery).toInt(&ok) : 0;
    if (parser.isSet(noteEvery) && (!ok || noteIntervalMs < 1)) {
        err << tr("--note-every must be a positive number of milliseconds, not \"%1\"")
                   .arg(parser.value(noteEvery))
            << '\n';
        return 2;
    }
    ReactorSession::Options options;
    options.simulatorProgram = parser.value(simulator);
    options.speed = parser.value(speed).toDouble();
    options.seed = parser.value(seed).toUInt();
    options.runFile = parser.value(out);
    options.stationFile = parser.value(station);
    options.user = qEnvironmentVariable("USER", QStringLiteral("operator"));
    if (options.speed <= 0) {
        err << tr("--speed must be a positive number") << '\n';
        return 2;
    }

    ReactorSession session(options);
    session.recorder()->setAnchorLocation({parser.value(anchors), parser.value(key)});
    if (!session.stationErrors().isEmpty()) {
        err << session.stationErrors().join(QLatin1Char('\n')) << '\n';
        return 1;
    }
    int exitCode = 0;
    QObject::connect(&session, &ReactorSession::problem,
                     [&err](const QString &message) { err << message << Qt::endl; });
    QObject::connect(session.recorder(), &RunRecorder::failed,
                     [&exitCode](const QString &) { exitCode = 1; });
    QObject::connect(&session, &ReactorSession::stopped, qApp, &QCoreApplication::quit);
    QTimer noteTimer;
    int notes = 0;
    QObject::connect(&noteTimer, &QTimer::timeout, &session,
                     [&session, &notes] { session.addNote(tr("note %1").arg(++notes)); });
    // No note after the shutdown began: the recorder is closing.
    QTimer::singleShot(int(seconds * 1000), &session, [&session, &noteTimer] {
        noteTimer.stop();
        session.shutdown();
    });
    session.start();
    if (noteIntervalMs > 0)
        noteTimer.start(noteIntervalMs);
    QCoreApplication::exec();

    const qint64 recorded = session.recorder()->committedReadings();
    QTextStream(stdout) << tr("recorded %1 readings to %2").arg(recorded).arg(options.runFile) << '\n';
    if (recorded == 0) {
        err << tr("no readings were recorded") << '\n';
        return 1;
    }
    return exitCode;
}
