#include "StationConfig.h"

QList<ChannelInfo> StationConfig::channels() const
{
    QList<ChannelInfo> all;
    for (const InstrumentConfig &instrument : instruments)
        all += instrument.channels;
    return all;
}

const InstrumentConfig *StationConfig::instrumentOfActuator(const QString &actuator,
                                                            ActuatorConfig *config) const
{
    for (const InstrumentConfig &instrument : instruments)
        for (const ActuatorConfig &a : instrument.actuators)
            if (a.name == actuator) {
                if (config)
                    *config = a;
                return &instrument;
            }
    return nullptr;
}

bool StationConfig::usesSimulator() const
{
    for (const InstrumentConfig &instrument : instruments)
        if (instrument.port.startsWith(QLatin1String(simulatorPrefix)))
            return true;
    return false;
}

ActuatorLimits StationConfig::limitsOf(const ActuatorConfig &actuator) const
{
    ActuatorLimits limits;
    limits.minimum = actuator.minimum;
    limits.maximum = actuator.maximum;
    limits.safeValue = actuator.safeValue;
    limits.unit = actuator.unit;
    limits.maxChangePerSecond = safety.maxChangePerSecond.value(actuator.name, 0.0);
    return limits;
}
