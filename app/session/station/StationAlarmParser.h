#pragma once
// The "alarms" section of a station file. Each entry is one alarm on one channel: a level alarm with exactly
// one of lowLow, low, high, highHigh, or a rate-of-change alarm with ratePerMinute (negative: falling) over
// windowS; each with deadband, onDelayS, offDelayS, priority (high|medium|low, default medium) and text.
// Level alarms on one channel must be ordered lowLow < low < high < highHigh. Errors name the file, the JSON
// path and what was expected, like the rest of the loader.
#include "AlarmDefinition.h"

#include <QJsonArray>
#include <QList>
#include <QStringList>

namespace StationAlarmParser {
// channels: the names the station's instruments provide.
QList<AlarmDefinition> parse(const QJsonArray &alarms, const QString &fileName, const QStringList &channels,
                             QStringList *errors);
} // namespace StationAlarmParser
