#pragma once
// A station as loaded from its JSON file: a name, the instruments, each with its channels and actuators, and
// the safety configuration (rate limits, alarms, interlocks). Ports of the form "@sim:<face>" refer to the
// simulator's faces and are substituted when it announces them.
#include "ActuatorLimits.h"
#include "InstrumentConfig.h"
#include "StationSafety.h"

struct StationConfig
{
    QString name;
    QString fileName;
    QList<InstrumentConfig> instruments;
    StationSafety safety;

    QList<ChannelInfo> channels() const;
    // The instrument that drives an actuator, or nullptr.
    const InstrumentConfig *instrumentOfActuator(const QString &actuator,
                                                 ActuatorConfig *config = nullptr) const;
    bool usesSimulator() const;
    // The hard limits FeedController enforces for one of the station's actuators, rate limit included.
    ActuatorLimits limitsOf(const ActuatorConfig &actuator) const;

    static constexpr const char *simulatorPrefix = "@sim:";
};
