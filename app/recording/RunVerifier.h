#pragma once
// Checks that a run file is intact: SQLite's integrity check, the audit table's append-only triggers, and
// the whole audit hash chain (AuditChain). Opens the file read-only; blocking, so not on the GUI thread.
//
// With an AnchorLocation it also checks the chain against the run's anchor log kept outside the file
// (RunAnchorLog): every anchored head must equal the chain's hash at that row, the chain must not be shorter
// than the last anchor, every anchor line must carry a valid seal. A missing anchor log is a warning, not a
// failure, so that a file copied to another machine still verifies its internal chain.
//
// A progress callback (called on the verifying thread) follows the work and cancels it: while SQLite checks
// the file's integrity it is called every few thousand SQLite steps with the audit rows checked so far and
// the total, (0, 0) before the chain is reached (no count is known for that part); while the chain is
// checked, every 256 rows. Returning false stops the check (an integrity check in progress is interrupted).
#include "AnchorLocation.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class RunVerifier
{
public:
    struct Report
    {
        bool ok = false;
        QString problem;         // empty when ok
        qint64 firstBadRow = -1; // audit id of the first row that does not verify, -1 when none or n/a
        qint64 auditRows = 0;    // rows whose hash was checked and found good
        qint64 anchoredRows = 0; // the chain length of the last anchor checked, 0 when none
        QStringList warnings;    // e.g. no anchor log: only the chain inside the file was checked
        bool cancelled = false;  // stopped by the progress callback; ok is false, problem says so
    };
    // Returns false to cancel.
    using Progress = std::function<bool(qint64 doneRows, qint64 totalRows)>;

    static Report verify(const QString &runFile, const std::optional<AnchorLocation> &anchors = std::nullopt,
                         const Progress &progress = {});
};
