#pragma once
// Writes real run files for tests through the real recorder (writer thread, SQLite WAL), then closes them.
#include "RunRecorder.h"

#include <QSignalSpy>
#include <QTest>

namespace RunFileFixture {
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
                  const QList<ChannelInfo> &channels = {})
{
    RunRecorder recorder(path, {{QStringLiteral("station"), QStringLiteral("bench-7")},
                                {QStringLiteral("operator"), QStringLiteral("alice")},
                                {QStringLiteral("software_version"), QStringLiteral("test")}});
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
} // namespace RunFileFixture
