#include "ChemostatLevelControl.h"

#include "ActuatorControl.h"
#include "ChemostatMode.h"
#include "HarvestLevelMode.h"

#include <QCoreApplication>

#include <cmath>

QString ChemostatLevelControl::start(ActuatorControl *feed, ActuatorControl *harvest,
                                     const ChemostatSettings &settings, const Actor &actor)
{
    if (!std::isfinite(settings.volumeSetpointMl) || settings.volumeSetpointMl <= 0 ||
        !std::isfinite(settings.levelGainPerHour) || settings.levelGainPerHour <= 0)
        return QCoreApplication::translate("ChemostatLevelControl",
                                           "the volume setpoint and the level gain must be positive numbers");
    const QString reason = QCoreApplication::translate("ChemostatLevelControl", "chemostat D=%1 1/h on %2")
                               .arg(settings.dilutionPerHour)
                               .arg(feed->name());
    const QString harvestError = harvest->setMode(
        std::make_unique<HarvestLevelMode>(settings.volumeSetpointMl, settings.levelGainPerHour), actor,
        reason);
    if (!harvestError.isEmpty())
        return harvestError;
    return feed->setMode(std::make_unique<ChemostatMode>(settings.dilutionPerHour), actor, reason);
}
