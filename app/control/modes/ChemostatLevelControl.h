#pragma once
// A chemostat as the operator starts it: the feed runs at F = D x V (ChemostatMode) and the harvest pump
// holds the volume at its setpoint (HarvestLevelMode). Both go through their ActuatorControl, so permissions,
// limits, inhibits and the audit trail apply to each.
#include "Actor.h"

#include <QString>

class ActuatorControl;

struct ChemostatSettings
{
    double dilutionPerHour = 0.1;
    double volumeSetpointMl = 1000.0;
    double levelGainPerHour = 1.0;
};

class ChemostatLevelControl
{
public:
    // Starts level control on the harvest first (so the volume is held from the moment the feed follows
    // D x V), then the chemostat feed. Returns an error text, empty when both run; if the harvest refuses,
    // the feed is left as it was.
    static QString start(ActuatorControl *feed, ActuatorControl *harvest, const ChemostatSettings &settings,
                         const Actor &actor);
};
