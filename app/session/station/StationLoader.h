#pragma once
// Loads and validates a station file. Every problem is reported, each naming the file, the JSON path and what
// was expected, e.g. "bench.json: $.instruments[1].channels[0].max: expected a number greater than min". A
// station with any error is not used (nothing is half-loaded).
#include "StationConfig.h"

#include <QStringList>

struct StationLoadResult
{
    StationConfig station;
    QStringList errors;
    bool ok() const { return errors.isEmpty(); }
};

namespace StationLoader {
StationLoadResult loadFile(const QString &path);
StationLoadResult parse(const QByteArray &json, const QString &fileName);
QString demoStationPath(); // the demo station compiled into the program (":/stations/demo.json")
} // namespace StationLoader
