#pragma once
// A station as loaded from its JSON file: a name and the instruments, each with its channels and actuators.
// Ports of the form "@sim:<face>" refer to the simulator's faces and are substituted when it announces them.
#include "InstrumentConfig.h"

struct StationConfig
{
    QString name;
    QString fileName;
    QList<InstrumentConfig> instruments;

    QList<ChannelInfo> channels() const;
    // The instrument that drives an actuator, or nullptr.
    const InstrumentConfig *instrumentOfActuator(const QString &actuator,
                                                 ActuatorConfig *config = nullptr) const;
    bool usesSimulator() const;

    static constexpr const char *simulatorPrefix = "@sim:";
};
