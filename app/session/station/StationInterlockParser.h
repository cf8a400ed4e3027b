#pragma once
// The "interlocks" section of a station file. Each entry watches one channel: it trips when a Good value
// stays above "above" or below "below" (either or both) for delayS seconds, and sends the listed actuators to
// their safe state, with a text the operator reads. Errors name the file, the JSON path and what was
// expected.
#include "Interlock.h"

#include <QJsonArray>
#include <QList>
#include <QStringList>

namespace StationInterlockParser {
// channels and actuators: the names the station's instruments provide.
QList<Interlock> parse(const QJsonArray &interlocks, const QString &fileName, const QStringList &channels,
                       const QStringList &actuators, QStringList *errors);
} // namespace StationInterlockParser
