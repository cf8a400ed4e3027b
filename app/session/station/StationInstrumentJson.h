#pragma once
// One instrument of a StationConfig as the station file spells it (the inverse of StationLoader's instrument
// parsing), written over the instrument's object in the original file so that keys the program does not own
// survive. The actuators' rate limits come from the station's safety configuration.
#include "InstrumentConfig.h"

#include <QHash>
#include <QJsonObject>

namespace StationInstrumentJson {
QJsonObject toJson(const InstrumentConfig &instrument, const QHash<QString, double> &maxChangePerSecond,
                   const QJsonObject &original = {});
} // namespace StationInstrumentJson
