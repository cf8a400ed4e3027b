#pragma once
// How a value axis is scaled to what it shows, as pure arithmetic (no widgets). A flat signal does
// not get a microscopic scale: the axis spans at least a minimum, so a pump at 0 mL/h shows 0..1 and not
// -0.001..0.001, and sensor noise on a steady stirrer is not blown up to fill the panel.
#include "ChannelInfo.h"

#include <QList>

namespace ValueAxisScale {
struct Range
{
    double lower = 0.0;
    double upper = 0.0;
};
// 5 % of the value's magnitude, kept between 0.2 % and 2 % of the channel's configured range where it has
// one (a plausibility range such as 0..200 OD is too wide to scale by alone: early growth from 0.5 to 0.8
// would look flat); without a range 5 % of the magnitude, else 1.
double minimumSpan(const ChannelInfo &channel, double magnitude);
// What an axis shared by these channels (one unit, PlotLayout::valueAxes) scales by: the first channel with
// the union of the configured ranges of those that have one, so the fit does not depend on which channel's
// line was looked at last.
ChannelInfo combined(const QList<ChannelInfo> &channels);
// The axis range for data spanning [lower, upper]: 10 % headroom each side, at least the minimum span
// (widened about the data's middle), shifted back inside the channel's configured range where the data is
// inside it (a rate at its floor of 0 sits just above the panel's bottom edge, with no negative half).
Range fit(double lower, double upper, const ChannelInfo &channel);
// The fitted axis widened towards a band drawn on it (a forecast's mean +- 2 sd), by at most half its span
// each side: a wide band shows as spreading out of the panel instead of shrinking the measured data to a
// flat line (or, on a tiny scale, covering the whole panel).
Range withBand(const Range &fitted, double bandLower, double bandUpper);
// Decimals for showing `value` on an axis of this span: enough to resolve a tenth of the span and to give
// three significant digits, but never more than two beyond the span's need (37.006 on 0.7: "37.01"; 1.7 g/L
// on 10: "1.70"; 1000.3 mL on 200: "1000").
int decimalsFor(double value, double span);
// How many ticks a value axis of this many pixels gets: a label every 20 px or more, so the numbers of an
// 80 px panel do not run into each other.
int tickCountFor(int pixels);
} // namespace ValueAxisScale
