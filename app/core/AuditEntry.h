#pragma once
// One operator action as the audit trail keeps it: who changed what, from what to what, when (UTC ms) and
// why.
#include <QString>

struct AuditEntry
{
    qint64 timeMs = 0;
    QString user;
    QString role;
    QString object;
    QString oldValue;
    QString newValue;
    QString reason;
};
