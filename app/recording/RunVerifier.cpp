#include "RunVerifier.h"

#include "AnchorKey.h"
#include "AuditChain.h"
#include "RunAnchorLog.h"
#include "RunSchema.h"
#include "SqliteStatement.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <sqlite3.h>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("RunVerifier", text);
}

// The heads the chain must have, by row count, from the run's anchor log; an empty map with a warning when
// there is no log, a problem when the log or its key cannot be trusted.
struct AnchoredHeads
{
    QHash<qint64, RunAnchor> byRows;
    qint64 lastRows = 0;
    QString problem;
    QString warning;
};

AnchoredHeads readAnchors(QSqlDatabase &db, const QString &runFile, const AnchorLocation &location)
{
    AnchoredHeads heads;
    QSqlQuery query(db);
    const QString runId =
        query.exec(QStringLiteral("SELECT value FROM run_info WHERE key = 'run_id'")) && query.next()
            ? query.value(0).toString()
            : QString();
    const QString logPath = location.logPath(runId);
    if (runId.isEmpty() || !QFileInfo::exists(logPath)) {
        heads.warning = tr("warning: no anchor log for %1 (%2): only the chain inside the file was checked")
                            .arg(runFile, QDir::toNativeSeparators(logPath));
        return heads;
    }
    QByteArray key;
    if (const QString error = AnchorKey::load(location.keyFile, false, &key); !error.isEmpty()) {
        heads.problem = tr("%1: cannot check its anchors: %2").arg(runFile, error);
        return heads;
    }
    const RunAnchorLog::Contents contents = RunAnchorLog::read(logPath, key);
    heads.problem = contents.problem;
    heads.warning = contents.warning;
    for (const RunAnchor &anchor : contents.anchors) {
        if (anchor.runId != runId && heads.problem.isEmpty())
            heads.problem = tr("anchor log %1 names run %2, not %3").arg(logPath, anchor.runId, runId);
        heads.byRows.insert(anchor.auditRows, anchor);
        heads.lastRows = std::max(heads.lastRows, anchor.auditRows);
    }
    return heads;
}

// The caller's progress callback and where the check is; SQLite's progress handler asks it too, so that a
// long integrity check can be cancelled.
class ProgressState
{
public:
    explicit ProgressState(const RunVerifier::Progress &progress) : m_progress(progress) {}

    bool keepGoing()
    {
        if (!m_cancelled && m_progress && !m_progress(m_doneRows, m_totalRows))
            m_cancelled = true;
        return !m_cancelled;
    }
    bool keepGoing(qint64 doneRows, qint64 totalRows)
    {
        m_doneRows = doneRows;
        m_totalRows = totalRows;
        return keepGoing();
    }
    bool cancelled() const { return m_cancelled; }

    static int onSqliteSteps(void *state) { return static_cast<ProgressState *>(state)->keepGoing() ? 0 : 1; }

private:
    const RunVerifier::Progress &m_progress;
    qint64 m_doneRows = 0;
    qint64 m_totalRows = 0;
    bool m_cancelled = false;
};

constexpr int sqliteStepsPerCall = 10000;
constexpr qint64 rowsPerCall = 256;

QString anchorTime(const RunAnchor &anchor)
{
    return QDateTime::fromMSecsSinceEpoch(anchor.utcMs, Qt::UTC).toString(Qt::ISODateWithMs);
}

RunVerifier::Report cancelledReport(const QString &runFile)
{
    RunVerifier::Report report;
    report.cancelled = true;
    report.problem = tr("%1: verification cancelled").arg(runFile);
    return report;
}

RunVerifier::Report check(QSqlDatabase &db, const QString &runFile,
                          const std::optional<AnchorLocation> &anchorLocation, ProgressState &progress)
{
    RunVerifier::Report report;
    if (!progress.keepGoing())
        return cancelledReport(runFile);
    AnchoredHeads anchors;
    if (anchorLocation) {
        anchors = readAnchors(db, runFile, *anchorLocation);
        if (!anchors.problem.isEmpty()) {
            report.problem = anchors.problem;
            return report;
        }
        if (!anchors.warning.isEmpty())
            report.warnings << anchors.warning;
    }
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA integrity_check"))) {
        report.problem = tr("%1: integrity check failed: %2").arg(runFile, query.lastError().text());
        return report;
    }
    QStringList messages;
    while (query.next())
        messages << query.value(0).toString();
    if (messages != QStringList{QStringLiteral("ok")}) {
        report.problem =
            tr("%1: integrity check failed: %2").arg(runFile, messages.join(QStringLiteral("; ")));
        return report;
    }
    for (const QString &trigger : RunSchema::auditTriggerNames()) {
        query.prepare(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = ?"));
        query.addBindValue(trigger);
        if (!query.exec() || !query.next()) {
            report.problem =
                tr("%1: the audit trail is not protected: trigger %2 is missing").arg(runFile, trigger);
            return report;
        }
    }
    const qint64 totalRows = query.exec(QStringLiteral("SELECT COUNT(*) FROM audit")) && query.next()
                                 ? query.value(0).toLongLong()
                                 : 0;
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT id, t_ms, user, role, object, old_value, new_value, reason, hash, "
                                   "typeof(t_ms) || typeof(user) || typeof(role) || typeof(object) || "
                                   "typeof(old_value) || typeof(new_value) || typeof(reason) || typeof(hash) "
                                   "FROM audit ORDER BY id"))) {
        report.problem = tr("%1 is not a ReactorDesk run file: %2").arg(runFile, query.lastError().text());
        return report;
    }
    const QString types = QStringLiteral("integertexttexttexttexttexttextblob");
    QByteArray previous = AuditChain::genesis();
    qint64 expectedId = 1;
    while (query.next()) {
        if (report.auditRows % rowsPerCall == 0 && !progress.keepGoing(report.auditRows, totalRows))
            return cancelledReport(runFile);
        const qint64 id = query.value(0).toLongLong();
        AuditEntry entry;
        entry.timeMs = query.value(1).toLongLong();
        entry.user = query.value(2).toString();
        entry.role = query.value(3).toString();
        entry.object = query.value(4).toString();
        entry.oldValue = query.value(5).toString();
        entry.newValue = query.value(6).toString();
        entry.reason = query.value(7).toString();
        const QByteArray expected = AuditChain::rowHash(previous, id, entry);
        // A row must be the next id and its stored hash must match; a field stored with another type than
        // the writer's was rewritten (the hash covers the values, not their SQLite types).
        if (id != expectedId || query.value(8).toByteArray() != expected ||
            query.value(9).toString() != types) {
            report.firstBadRow = id != expectedId ? std::min(id, expectedId) : id;
            report.problem =
                id != expectedId
                    ? tr("%1: audit row %2 is missing (next row found: %3)")
                          .arg(runFile)
                          .arg(expectedId)
                          .arg(id)
                    : tr("%1: audit row %2 does not verify: its hash does not match").arg(runFile).arg(id);
            return report;
        }
        // A chain rewritten with recomputed hashes verifies by itself, but not against the head anchored
        // outside the file when the row was written.
        if (const auto anchor = anchors.byRows.constFind(id);
            anchor != anchors.byRows.cend() && anchor->headHash != expected) {
            report.firstBadRow = id;
            report.problem =
                tr("%1: audit row %2 does not match the head anchored at %3: the audit trail was "
                   "rewritten")
                    .arg(runFile)
                    .arg(id)
                    .arg(anchorTime(*anchor));
            return report;
        }
        previous = expected;
        ++expectedId;
        ++report.auditRows;
    }
    // A read that failed (or was interrupted) ends the loop like the last row: it must not pass for the end.
    if (query.lastError().isValid()) {
        report.problem = tr("%1: audit row %2 cannot be read: %3")
                             .arg(runFile)
                             .arg(expectedId)
                             .arg(query.lastError().text());
        return report;
    }
    progress.keepGoing(report.auditRows, totalRows);
    // Rows cut off the end leave the AUTOINCREMENT high-water mark behind.
    if (query.exec(QStringLiteral("SELECT seq FROM sqlite_sequence WHERE name = 'audit'")) && query.next() &&
        query.value(0).toLongLong() >= expectedId) {
        report.firstBadRow = expectedId;
        report.problem = tr("%1: audit row %2 is missing: rows up to %3 were written, the trail ends at %4")
                             .arg(runFile)
                             .arg(expectedId)
                             .arg(query.value(0).toLongLong())
                             .arg(expectedId - 1);
        return report;
    }
    if (anchors.lastRows > report.auditRows) {
        report.firstBadRow = report.auditRows + 1;
        report.problem =
            tr("%1: the audit trail ends at row %2, but %3 rows were anchored at %4: rows were cut "
               "off")
                .arg(runFile)
                .arg(report.auditRows)
                .arg(anchors.lastRows)
                .arg(anchorTime(anchors.byRows.value(anchors.lastRows)));
        return report;
    }
    report.anchoredRows = anchors.lastRows;
    report.ok = true;
    return report;
}
} // namespace

RunVerifier::Report RunVerifier::verify(const QString &runFile, const std::optional<AnchorLocation> &anchors,
                                        const Progress &progress)
{
    if (!QFileInfo(runFile).isFile()) {
        Report report;
        report.problem = tr("run file %1 does not exist").arg(runFile);
        return report;
    }
    const QString connection = QStringLiteral("verify-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    Report report;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(runFile);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open()) {
            report.problem = tr("cannot open run file %1: %2").arg(runFile, db.lastError().text());
        } else {
            ProgressState state(progress);
            sqlite3 *handle = SqliteStatement::handleOf(db);
            if (progress)
                sqlite3_progress_handler(handle, sqliteStepsPerCall, &ProgressState::onSqliteSteps, &state);
            report = check(db, runFile, anchors, state);
            sqlite3_progress_handler(handle, 0, nullptr, nullptr);
            // Whatever the check concluded, a statement interrupted on the way means it was not finished.
            if (state.cancelled())
                report = cancelledReport(runFile);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return report;
}
