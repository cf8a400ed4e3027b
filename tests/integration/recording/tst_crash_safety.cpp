// kill -9 against the real recorder: `reactordesk-cli record --demo --note-every 20` (with its simulator
// child) is killed at random moments, 20 times, while it writes audit rows (notes) and anchors them. Each
// time the run file must open, pass PRAGMA integrity_check and `verify` with its anchors (a kill between a
// commit and its anchor, or in the middle of an anchor line, is no tampering), never anchor more rows than
// the chain holds, and hold readings up to at most 100 ms + one poll period before the kill. Then the
// unfinished runs are recovered (their gap marked as an event), a live run is left alone, and a resumed run
// marks its gap too and goes on anchoring.
#include "RunExporter.h"
#include "RunRecorder.h"
#include "RunRecovery.h"
#include "RunVerifier.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {
constexpr int kills = 20;
constexpr qint64 pollPeriodMs = 500; // resources/stations/demo.json
constexpr qint64 commitIntervalMs = 100;
constexpr int noteIntervalMs = 20; // several audit rows, and so anchors, per commit

struct RunState
{
    bool opened = false;
    QString integrity;
    qint64 lastReadingMs = 0;
    qint64 lastRecordMs = 0; // of readings, events (notes) and audit rows
    qint64 readings = 0;
};

RunState inspect(const QString &path, bool readOnly)
{
    RunState state;
    const QString name = QStringLiteral("inspect");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (readOnly)
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (QFile::exists(path) && db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT MAX(t_ms), COUNT(*) FROM readings")) && q.next()) {
                state.opened = true;
                state.lastReadingMs = q.value(0).toLongLong();
                state.readings = q.value(1).toLongLong();
            }
            if (q.exec(
                    QStringLiteral("SELECT MAX(t) FROM (SELECT MAX(t_ms) AS t FROM readings UNION ALL "
                                   "SELECT MAX(t_ms) FROM events UNION ALL SELECT MAX(t_ms) FROM audit)")) &&
                q.next())
                state.lastRecordMs = q.value(0).toLongLong();
            if (!readOnly && q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next())
                state.integrity = q.value(0).toString();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return state;
}

// Children of pid (the simulator), from /proc: a power cut takes them down too.
QList<pid_t> childrenOf(qint64 pid)
{
    QList<pid_t> children;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        bool numeric = false;
        const int candidate = entry.toInt(&numeric);
        if (!numeric)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(entry));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.readAll();
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1 && fields.at(1).toLongLong() == pid)
            children << pid_t(candidate);
    }
    return children;
}

int runCli(const QStringList &arguments, QString *output = nullptr)
{
    QProcess cli;
    cli.start(QStringLiteral(RD_CLI_PATH), arguments);
    if (!cli.waitForFinished(30000))
        return -1;
    if (output)
        *output = QString::fromUtf8(cli.readAllStandardOutput() + cli.readAllStandardError());
    return cli.exitCode();
}

QStringList anchorOptions(const AnchorLocation &anchors)
{
    return {QStringLiteral("--anchors"), anchors.folder, QStringLiteral("--key"), anchors.keyFile};
}

QProcess *startRecording(const QString &path, int seconds, const AnchorLocation &anchors)
{
    auto *cli = new QProcess;
    cli->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    cli->start(QStringLiteral(RD_CLI_PATH),
               QStringList{QStringLiteral("record"), QStringLiteral("--demo"), QStringLiteral("--speed"),
                           QStringLiteral("3600"), QStringLiteral("--duration"), QString::number(seconds),
                           QStringLiteral("--out"), path, QStringLiteral("--simulator"),
                           QStringLiteral(RD_SIM_PATH), QStringLiteral("--note-every"),
                           QString::number(noteIntervalMs)} +
                   anchorOptions(anchors));
    return cli;
}

// Verified with its anchors, a run killed at any moment is intact: the only warning allowed is an anchor
// line cut off by the kill; the anchors never name more rows than the chain holds.
RunVerifier::Report verifyWithAnchors(const QString &path, const AnchorLocation &anchors)
{
    RunVerifier::Report report = RunVerifier::verify(path, anchors);
    if (report.ok && report.anchoredRows > report.auditRows) {
        report.ok = false;
        report.problem = QStringLiteral("%1: %2 rows anchored, the chain holds %3")
                             .arg(path)
                             .arg(report.anchoredRows)
                             .arg(report.auditRows);
    }
    for (const QString &warning : std::as_const(report.warnings)) {
        if (report.ok && !warning.contains(QLatin1String("cut off by a crash"))) {
            report.ok = false;
            report.problem = QStringLiteral("%1: unexpected warning: %2").arg(path, warning);
        }
    }
    return report;
}
} // namespace

class TestCrashSafety : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_anchors = {m_dir.filePath(QStringLiteral("anchors")), m_dir.filePath(QStringLiteral("anchor.key"))};
    }

    void killNineLosesAtMostTheLastCommitInterval()
    {
        const quint32 seed = QRandomGenerator::global()->generate();
        qInfo("random seed %u", seed);
        QRandomGenerator random(seed);
        int behindTheChain = 0; // kills after a commit with audit rows, before its anchor
        for (int i = 0; i < kills; ++i) {
            const QString path =
                m_dir.filePath(QStringLiteral("crash-%1.rdrun").arg(i, 2, 10, QLatin1Char('0')));
            QScopedPointer<QProcess> cli(startRecording(path, 120, m_anchors));
            QVERIFY(cli->waitForStarted(5000));
            // Once readings flow and notes are anchored, kill at a random moment within the next poll
            // periods. (Each run has its own anchor log, so this run's exists once there are i + 1 of them.)
            QTRY_VERIFY_WITH_TIMEOUT(inspect(path, true).readings > 0 &&
                                         QDir(m_anchors.folder).entryList(QDir::Files).size() > i,
                                     20000);
            QTest::qWait(int(random.bounded(2 * pollPeriodMs)));
            const QList<pid_t> children = childrenOf(cli->processId());
            const qint64 killedAtMs = QDateTime::currentMSecsSinceEpoch();
            ::kill(pid_t(cli->processId()), SIGKILL);
            for (pid_t child : children)
                ::kill(child, SIGKILL);
            QVERIFY(cli->waitForFinished(5000));
            QCOMPARE(cli->exitStatus(), QProcess::CrashExit);

            const RunState state = inspect(path, false);
            QVERIFY2(state.opened, qPrintable(path));
            QCOMPARE(state.integrity, QStringLiteral("ok"));
            const qint64 lostMs = killedAtMs - state.lastReadingMs;
            QVERIFY2(
                lostMs <= commitIntervalMs + pollPeriodMs,
                qPrintable(QStringLiteral("kill %1: the last committed reading is %2 ms older than the kill")
                               .arg(i)
                               .arg(lostMs)));
            const RunVerifier::Report report = verifyWithAnchors(path, m_anchors);
            QVERIFY2(report.ok, qPrintable(QStringLiteral("kill %1: %2").arg(i).arg(report.problem)));
            QVERIFY2(report.anchoredRows > 0, qPrintable(path));
            behindTheChain += report.anchoredRows < report.auditRows ? 1 : 0;
            m_killed << path;
        }
        qInfo("%d of %d kills left audit rows committed but not yet anchored", behindTheChain, kills);
        // The command-line check agrees, on the first and the last file.
        for (const QString &path : {m_killed.first(), m_killed.last()}) {
            QString output;
            QCOMPARE(runCli(QStringList{QStringLiteral("verify"), path} + anchorOptions(m_anchors), &output),
                     0);
            QVERIFY2(!output.contains(QLatin1String("no anchor log")), qPrintable(output));
        }
    }

    void unfinishedRunsAreRecoveredWithTheirGapMarked()
    {
        QVERIFY(m_killed.size() == kills);
        // One killed run is resumed by a new recorder instead: it marks its own gap and goes on.
        const QString resumed = m_killed.takeLast();
        const qint64 beforeResume = inspect(resumed, true).lastRecordMs;
        {
            RunRecorder recorder(resumed, {});
            recorder.setAnchorLocation(m_anchors);
            QSignalSpy opened(&recorder, &RunRecorder::opened);
            recorder.start();
            QVERIFY(opened.wait(5000));
            recorder.record(Reading{QStringLiteral("ph"), QDateTime::currentMSecsSinceEpoch(), 7.0,
                                    QStringLiteral("pH"), Quality::Good});
            recorder.addNote(QStringLiteral("resumed"), QStringLiteral("tester"), QStringLiteral("operator"),
                             QDateTime::currentMSecsSinceEpoch());
            recorder.stop();
        }
        // The resumed writer continues the anchor log (a torn last line cut off) and anchors the whole chain.
        const RunVerifier::Report resumedReport = RunVerifier::verify(resumed, m_anchors);
        QVERIFY2(resumedReport.ok, qPrintable(resumedReport.problem));
        QVERIFY2(resumedReport.warnings.isEmpty(),
                 qPrintable(resumedReport.warnings.join(QLatin1Char('\n'))));
        QCOMPARE(resumedReport.anchoredRows, resumedReport.auditRows);

        // A live recording in the same folder is left alone.
        const QString live = m_dir.filePath(QStringLiteral("live.rdrun"));
        QScopedPointer<QProcess> cli(startRecording(live, 4, m_anchors));
        QTRY_VERIFY_WITH_TIMEOUT(inspect(live, true).readings > 0, 20000);

        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const QList<RunRecovery::Outcome> outcomes = RunRecovery::recoverFolder(m_dir.path(), now);
        QCOMPARE(outcomes.size(), kills + 1);
        int recovered = 0;
        for (const RunRecovery::Outcome &outcome : outcomes) {
            QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
            if (outcome.path.endsWith(QLatin1String("live.rdrun")) || outcome.path == resumed) {
                QVERIFY2(!outcome.recovered, qPrintable(outcome.path));
                continue;
            }
            QVERIFY2(outcome.recovered, qPrintable(outcome.path));
            QCOMPARE(outcome.gapToMs, now);
            QCOMPARE(outcome.gapFromMs, inspect(outcome.path, true).lastRecordMs);
            ++recovered;
        }
        QCOMPARE(recovered, kills - 1);
        // Recovering again finds nothing to do.
        for (const RunRecovery::Outcome &outcome : RunRecovery::recoverFolder(m_dir.path(), now + 1000, live))
            QVERIFY2(!outcome.recovered, qPrintable(outcome.path));

        // The gap is in the run's events and in the export manifest.
        ExportRequest request;
        request.csvFile = m_dir.filePath(QStringLiteral("recovered.csv"));
        request.manifestFile = m_dir.filePath(QStringLiteral("recovered.json"));
        QVERIFY(RunExporter::exportRun(m_killed.first(), request).ok);
        QFile manifestFile(request.manifestFile);
        QVERIFY(manifestFile.open(QIODevice::ReadOnly));
        const QJsonObject manifest = QJsonDocument::fromJson(manifestFile.readAll()).object();
        QCOMPARE(manifest.value(QStringLiteral("finished_cleanly")).toBool(), false);
        QCOMPARE(manifest.value(QStringLiteral("gaps")).toArray().size(), 1);
        QVERIFY(verifyWithAnchors(m_killed.first(), m_anchors).ok);

        // The resumed run's gap ends when the new recorder opened it.
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("gap"));
            db.setDatabaseName(resumed);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT t_ms, end_ms FROM events WHERE kind = 'gap'")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toLongLong(), beforeResume);
            QVERIFY(q.value(1).toLongLong() >= beforeResume && q.value(1).toLongLong() <= now);
            QVERIFY(!q.next());
            QVERIFY(q.exec(QStringLiteral("SELECT value FROM run_info WHERE key = 'finished_utc'")) &&
                    q.next());
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("gap"));

        // The live run finishes on its own, cleanly.
        QVERIFY(cli->waitForFinished(20000));
        QCOMPARE(cli->exitCode(), 0);
        const RunRecovery::Outcome again =
            RunRecovery::recoverFile(live, QDateTime::currentMSecsSinceEpoch());
        QVERIFY2(again.error.isEmpty(), qPrintable(again.error));
        QVERIFY(!again.recovered);
    }

private:
    QTemporaryDir m_dir;
    AnchorLocation m_anchors;
    QStringList m_killed;
};

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crash_safety.moc"
