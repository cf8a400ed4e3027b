#pragma once
// How a station's unit text is shown to people: station files are plain ASCII ("degC", "uS/cm"), a plot axis
// or readout shows "°C", "µS/cm". Display only: readings, run files and exports keep the station's text.
#include "ChannelInfo.h"

#include <QString>

namespace DisplayUnit {
// Each part between '/' is mapped on its own ("degC/min" -> "°C/min"); unknown parts stay as they are.
QString text(const QString &stationUnit);
// The unit written beside the channel's value ("37.0 °C"): empty when it would only repeat the channel's
// label (a "pH" channel in unit "pH" reads "pH 6.8", not "pH 6.8 pH").
QString besideValue(const ChannelInfo &channel);
} // namespace DisplayUnit
