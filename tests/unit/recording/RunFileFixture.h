#pragma once
// Writes real run files for tests through the real recorder (writer thread, SQLite WAL), then closes them;
// tampers with them as someone with write access to the file would.
#include "RunRecorder.h"

#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace RunFileFixture {
// Anchors of the runs written by a test process go to a temporary folder, never to the user's data.
inline AnchorLocation scratchAnchors()
{
    static QTemporaryDir dir;
    return {dir.filePath(QStringLiteral("anchors")), dir.filePath(QStringLiteral("anchor.key"))};
}

inline AuditEntry auditEntry(qint64 timeMs, const QString &object, const QString &oldValue,
                             const QString &newValue, const QString &reason)
{
    AuditEntry entry;
    entry.timeMs = timeMs;
    entry.user = QStringLiteral("alice");
    entry.role = QStringLiteral("Operator");
    entry.object = object;
    entry.oldValue = oldValue;
    entry.newValue = newValue;
    entry.reason = reason;
    return entry;
}

// Records the readings and audit entries to path and closes the run cleanly; false when anything failed.
inline bool write(const QString &path, const QList<Reading> &readings, const QList<AuditEntry> &audit,
                  const QList<ChannelInfo> &channels = {}, const AnchorLocation &anchors = scratchAnchors())
{
    RunRecorder recorder(path, {{QStringLiteral("station"), QStringLiteral("bench-7")},
                                {QStringLiteral("operator"), QStringLiteral("alice")},
                                {QStringLiteral("software_version"), QStringLiteral("test")}});
    recorder.setAnchorLocation(anchors);
    QSignalSpy opened(&recorder, &RunRecorder::opened);
    QSignalSpy failed(&recorder, &RunRecorder::failed);
    recorder.start();
    if (!opened.wait(5000))
        return false;
    recorder.declareChannels(channels);
    recorder.record(readings);
    for (const AuditEntry &entry : audit)
        recorder.record(entry);
    recorder.stop();
    return failed.isEmpty() && recorder.committedReadings() == readings.size();
}

// Runs SQL on the file with the triggers removed for the duration, as a tamperer would.
inline QString tamper(const QString &path, const QStringList &statements, bool keepTriggersOff = false)
{
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
        db.setDatabaseName(path);
        if (!db.open())
            return db.lastError().text();
        QSqlQuery q(db);
        QStringList all{QStringLiteral("DROP TRIGGER audit_refuses_update"),
                        QStringLiteral("DROP TRIGGER audit_refuses_delete")};
        all += statements;
        if (!keepTriggersOff)
            all << QStringLiteral("CREATE TRIGGER audit_refuses_update BEFORE UPDATE ON audit BEGIN SELECT "
                                  "RAISE(ABORT, 'the audit trail is append-only'); END")
                << QStringLiteral("CREATE TRIGGER audit_refuses_delete BEFORE DELETE ON audit BEGIN SELECT "
                                  "RAISE(ABORT, 'the audit trail is append-only'); END");
        for (const QString &s : all)
            if (error.isEmpty() && !q.exec(s))
                error = q.lastError().text() + QStringLiteral(" in ") + s;
        q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
    return error;
}

// The first column of the first row of a query on the file; invalid when the query fails or has no row.
inline QVariant scalar(const QString &path, const QString &sql)
{
    QVariant result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("scalar"));
        db.setDatabaseName(path);
        QSqlQuery q(db);
        if (db.open() && q.exec(sql) && q.next())
            result = q.value(0);
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("scalar"));
    return result;
}

// `reactordesk-cli verify path [extra...]`: its exit code (-1 when it did not finish), stdout and stderr.
inline int runVerifyCli(const QStringList &arguments, QString *stderrText, QString *stdoutText = nullptr)
{
    QProcess cli;
    cli.start(QStringLiteral(RD_CLI_PATH), QStringList{QStringLiteral("verify")} + arguments);
    if (!cli.waitForFinished(20000))
        return -1;
    *stderrText = QString::fromUtf8(cli.readAllStandardError());
    if (stdoutText)
        *stdoutText = QString::fromUtf8(cli.readAllStandardOutput());
    return cli.exitStatus() == QProcess::NormalExit ? cli.exitCode() : -1;
}
} // namespace RunFileFixture
