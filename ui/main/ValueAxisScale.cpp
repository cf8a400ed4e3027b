#include "ValueAxisScale.h"

#include <algorithm>
#include <cmath>

namespace {
constexpr double headroom = 0.1;         // of the data's span, each side
constexpr double edgeMargin = 0.05;      // of the axis span: a line at the range's floor stays off the edge
constexpr double fractionOfValue = 0.05; // of the value's magnitude: the minimum span
constexpr double leastOfRange = 0.002;   // of the configured range: the smallest minimum span
constexpr double mostOfRange = 0.02;     // of the configured range: the largest minimum span

bool hasRange(const ChannelInfo &channel)
{
    return channel.maximum > channel.minimum;
}
} // namespace

double ValueAxisScale::minimumSpan(const ChannelInfo &channel, double magnitude)
{
    const double ofValue = std::abs(magnitude) * fractionOfValue;
    if (hasRange(channel)) {
        const double range = channel.maximum - channel.minimum;
        return std::clamp(ofValue, range * leastOfRange, range * mostOfRange);
    }
    return ofValue > 0 ? ofValue : 1.0;
}

ChannelInfo ValueAxisScale::combined(const QList<ChannelInfo> &channels)
{
    ChannelInfo scale = channels.value(0);
    bool ranged = false;
    for (const ChannelInfo &channel : channels) {
        if (!hasRange(channel))
            continue;
        scale.minimum = ranged ? std::min(scale.minimum, channel.minimum) : channel.minimum;
        scale.maximum = ranged ? std::max(scale.maximum, channel.maximum) : channel.maximum;
        ranged = true;
    }
    return scale;
}

ValueAxisScale::Range ValueAxisScale::fit(double lower, double upper, const ChannelInfo &channel)
{
    const double pad = (upper - lower) * headroom;
    Range range{lower - pad, upper + pad};
    const double minimum = minimumSpan(channel, std::max(std::abs(lower), std::abs(upper)));
    if (range.upper - range.lower < minimum) {
        const double middle = (lower + upper) / 2;
        range = {middle - minimum / 2, middle + minimum / 2};
    }
    if (!hasRange(channel))
        return range;
    const double edge = (range.upper - range.lower) * edgeMargin;
    const double floor = channel.minimum - edge, ceiling = channel.maximum + edge;
    const bool belowFloor = range.lower < floor && lower >= channel.minimum;
    const bool aboveCeiling = range.upper > ceiling && upper <= channel.maximum;
    if (belowFloor && !aboveCeiling) {
        range.upper += floor - range.lower;
        range.lower = floor;
    } else if (aboveCeiling && !belowFloor) {
        range.lower -= range.upper - ceiling;
        range.upper = ceiling;
    }
    return range;
}

ValueAxisScale::Range ValueAxisScale::withBand(const Range &fitted, double bandLower, double bandUpper)
{
    const double most = (fitted.upper - fitted.lower) / 2;
    const double pad = (bandUpper - bandLower) * edgeMargin;
    return {std::min(fitted.lower, std::max(bandLower - pad, fitted.lower - most)),
            std::max(fitted.upper, std::min(bandUpper + pad, fitted.upper + most))};
}

int ValueAxisScale::decimalsFor(double value, double span)
{
    if (!(span > 0) || !std::isfinite(span))
        return 2;
    // The slack keeps exact powers of ten (a span of 0.1, a value of 1000) from rounding to the next digit.
    constexpr double slack = 1e-9;
    const int forSpan = int(std::ceil(1 - std::log10(span) - slack));
    const int forDigits = value != 0 && std::isfinite(value)
                              ? 2 - int(std::floor(std::log10(std::abs(value)) + slack))
                              : forSpan;
    return std::clamp(std::min(std::max(forSpan, forDigits), forSpan + 2), 0, 6);
}

int ValueAxisScale::tickCountFor(int pixels)
{
    return std::clamp(pixels / 20, 3, 8);
}
