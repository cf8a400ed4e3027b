#pragma once
// Finds runs that were not closed cleanly (killed, power cut: no "finished_utc" in run_info) and marks the
// hole in their timeline as a "gap" event from the last committed record to the moment the run was recovered
// or resumed. A run whose writer still holds its lock file (another live process) is left alone. Blocking
// disk I/O: call it from the writer thread or a worker, never from the GUI thread.
#include <QList>
#include <QMetaType>
#include <QSqlDatabase>
#include <QString>

class QLockFile;

namespace RunRecovery {
struct Outcome
{
    QString path;
    bool recovered = false; // false: the run was finished already, or is live, or failed (see error)
    qint64 gapFromMs = 0;   // last committed record before the interruption
    qint64 gapToMs = 0;     // when the gap was noticed
    QString error;
};

QString lockFilePath(const QString &runFile);
bool isFinished(QSqlDatabase &db);
// Last time anything (reading, event, audit row) was committed; 0 when the run is empty.
qint64 lastCommittedMs(QSqlDatabase &db);
// Inserts the gap event for an unfinished run (one open for writing); returns an error text, empty when done.
QString markGap(QSqlDatabase &db, qint64 nowMs, Outcome *outcome);
QString markFinished(QSqlDatabase &db, qint64 endMs);
// Opens an unfinished, not-live run, marks its gap and closes it as finished at its last committed record.
Outcome recoverFile(const QString &runFile, qint64 nowMs);
// Every *.rdrun file in folder except the one named by skip.
QList<Outcome> recoverFolder(const QString &folder, qint64 nowMs, const QString &skip = QString());
} // namespace RunRecovery

Q_DECLARE_METATYPE(RunRecovery::Outcome)
