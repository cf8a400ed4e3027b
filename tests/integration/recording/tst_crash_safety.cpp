// kill -9 against the real recorder: `reactordesk-cli record --demo` (with its simulator child) is killed at
// random moments, 20 times. Each time the run file must open, pass PRAGMA integrity_check and `verify`, and
// hold readings up to at most 100 ms + one poll period before the kill. Then the unfinished runs are
// recovered (their gap marked as an event), a live run is left alone, and a resumed run marks its gap too.
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

struct RunState
{
    bool opened = false;
    QString integrity;
    qint64 lastReadingMs = 0;
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

QProcess *startRecording(const QString &path, int seconds, QObject *parent)
{
    auto *cli = new QProcess(parent);
    cli->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    cli->start(QStringLiteral(RD_CLI_PATH),
               {QStringLiteral("record"), QStringLiteral("--demo"), QStringLiteral("--speed"),
                QStringLiteral("3600"), QStringLiteral("--duration"), QString::number(seconds),
                QStringLiteral("--out"), path, QStringLiteral("--simulator"), QStringLiteral(RD_SIM_PATH)});
    return cli;
}
} // namespace

class TestCrashSafety : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void killNineLosesAtMostTheLastCommitInterval()
    {
        const quint32 seed = QRandomGenerator::global()->generate();
        qInfo("random seed %u", seed);
        QRandomGenerator random(seed);
        for (int i = 0; i < kills; ++i) {
            const QString path =
                m_dir.filePath(QStringLiteral("crash-%1.rdrun").arg(i, 2, 10, QLatin1Char('0')));
            QScopedPointer<QProcess> cli(startRecording(path, 120, nullptr));
            QVERIFY(cli->waitForStarted(5000));
            // Once readings flow, kill at a random moment within the next poll periods.
            QTRY_VERIFY_WITH_TIMEOUT(inspect(path, true).readings > 0, 20000);
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
            const RunVerifier::Report report = RunVerifier::verify(path);
            QVERIFY2(report.ok, qPrintable(report.problem));
            m_killed << path;
        }
        // The command-line check agrees, on the first and the last file.
        for (const QString &path : {m_killed.first(), m_killed.last()}) {
            QString output;
            QCOMPARE(runCli({QStringLiteral("verify"), path}, &output), 0);
        }
    }

    void unfinishedRunsAreRecoveredWithTheirGapMarked()
    {
        QVERIFY(m_killed.size() == kills);
        // One killed run is resumed by a new recorder instead: it marks its own gap and goes on.
        const QString resumed = m_killed.takeLast();
        const qint64 beforeResume = inspect(resumed, true).lastReadingMs;
        {
            RunRecorder recorder(resumed, {});
            QSignalSpy opened(&recorder, &RunRecorder::opened);
            recorder.start();
            QVERIFY(opened.wait(5000));
            recorder.record(Reading{QStringLiteral("ph"), QDateTime::currentMSecsSinceEpoch(), 7.0,
                                    QStringLiteral("pH"), Quality::Good});
            recorder.stop();
        }
        QVERIFY(RunVerifier::verify(resumed).ok);

        // A live recording in the same folder is left alone.
        const QString live = m_dir.filePath(QStringLiteral("live.rdrun"));
        QScopedPointer<QProcess> cli(startRecording(live, 4, nullptr));
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
            QCOMPARE(outcome.gapFromMs, inspect(outcome.path, true).lastReadingMs);
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
        QVERIFY(RunVerifier::verify(m_killed.first()).ok);

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
    QStringList m_killed;
};

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crash_safety.moc"
