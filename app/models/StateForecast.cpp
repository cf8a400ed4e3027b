#include "StateForecast.h"

#include <cmath>

StateForecast forecastFrom(const ExtendedKalmanFilter &filter, double horizonHours, double stepHours)
{
    StateForecast forecast;
    ExtendedKalmanFilter propagated = filter; // the caller's filter keeps its state
    const double t0 = filter.time();
    const int steps = std::max(1, int(std::ceil(horizonHours / stepHours - 1e-9)));
    forecast.times.push_back(t0);
    forecast.mean.push_back(propagated.state());
    forecast.sd.push_back(propagated.standardDeviations());
    for (int i = 1; i <= steps; ++i) {
        const double t = std::min(t0 + i * stepHours, t0 + horizonHours);
        if (!propagated.predict(t))
            return forecast;
        forecast.times.push_back(t);
        forecast.mean.push_back(propagated.state());
        forecast.sd.push_back(propagated.standardDeviations());
    }
    forecast.ok = true;
    return forecast;
}
