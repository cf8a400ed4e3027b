#pragma once
// The channels of a run file as declared by the recorder: name, unit, label and plausible range.
#include "ChannelInfo.h"

#include <QList>
#include <QSqlDatabase>

struct RunChannel
{
    qint64 id = 0;
    ChannelInfo info;
    bool hasRange = false; // a declared range (older files and undeclared channels have none)
};

namespace RunChannelTable {
// In id order; on failure returns nothing and sets error.
QList<RunChannel> load(QSqlDatabase &db, QString *error);
} // namespace RunChannelTable
