#pragma once
// A station's alarms and interlocks as the file spells them (the inverse of StationAlarmParser and
// StationInterlockParser), each written over the original file's entry with the same id so that keys the
// program does not own survive.
#include "StationSafety.h"

#include <QJsonArray>

namespace StationSafetyJson {
QJsonArray alarmsToJson(const QList<AlarmDefinition> &alarms, const QJsonArray &original = {});
QJsonArray interlocksToJson(const QList<Interlock> &interlocks, const QJsonArray &original = {});
} // namespace StationSafetyJson
