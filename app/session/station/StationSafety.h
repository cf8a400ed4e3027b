#pragma once
// The safety configuration a station file carries besides its instruments: the rate-of-change limit of each
// actuator, the process alarms (level and rate of change) and the interlocks. ControlSystem installs it
// (installStationSafety); the demo station takes the same path as any lab's.
#include "AlarmDefinition.h"
#include "Interlock.h"

#include <QHash>
#include <QList>

struct StationSafety
{
    QHash<QString, double> maxChangePerSecond; // by actuator name; absent or 0 = no rate limit
    QList<AlarmDefinition> alarms;
    QList<Interlock> interlocks;
};
