#pragma once
// Checks that a run file is intact: SQLite's integrity check, the audit table's append-only triggers, and
// the whole audit hash chain (AuditChain). Opens the file read-only; blocking, so not on the GUI thread.
#include <QString>

class RunVerifier
{
public:
    struct Report
    {
        bool ok = false;
        QString problem;         // empty when ok
        qint64 firstBadRow = -1; // audit id of the first row that does not verify, -1 when none or n/a
        qint64 auditRows = 0;    // rows whose hash was checked and found good
    };

    static Report verify(const QString &runFile);
};
