#pragma once
// What changed in a station's instruments between two versions, one entry per instrument added, removed or
// changed, with a short old -> new summary of the keys that differ (as the station file spells them), e.g.
// old "pollPeriodMs=500", new "pollPeriodMs=250". StationEditor audits these when it saves.
#include "StationConfig.h"

#include <QHash>
#include <QList>

struct InstrumentChange
{
    QString instrument; // its name now (or, removed, its name before)
    QString oldSummary; // empty when added
    QString newSummary; // empty when removed
};

namespace StationChanges {
// renamedFrom maps an instrument's name in after to its name in before.
QList<InstrumentChange> between(const StationConfig &before, const StationConfig &after,
                                const QHash<QString, QString> &renamedFrom = {});
} // namespace StationChanges
