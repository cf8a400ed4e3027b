#pragma once
// The built-in demo station: the channels the simulator's faces provide and the feed pump's hard limits.
// Station files replace this once they exist; until then it is the one station the programs know.
#include "ActuatorLimits.h"
#include "ChannelInfo.h"

#include <QList>

namespace DemoStation {
QList<ChannelInfo> sensorChannels();     // on the pseudo-terminal
QList<ChannelInfo> controllerChannels(); // on TCP
ActuatorLimits feedPumpLimits();
constexpr int pollPeriodMs = 500;
constexpr int requestTimeoutMs = 1000;
} // namespace DemoStation
