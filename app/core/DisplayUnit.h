#pragma once
// How a station's unit text is shown to people: station files are plain ASCII ("degC", "uS/cm"), a plot axis
// or readout shows "°C", "µS/cm". Display only: readings, run files and exports keep the station's text.
#include <QString>

namespace DisplayUnit {
// Each part between '/' is mapped on its own ("degC/min" -> "°C/min"); unknown parts stay as they are.
QString text(const QString &stationUnit);
} // namespace DisplayUnit
