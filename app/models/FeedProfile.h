#pragma once
// The feed rate F(t, V) in L/h given by the parameter file's profile. Templated on the volume's scalar type
// so the chemostat profile (F = D V) differentiates correctly under automatic differentiation.
#include "ModelParameters.h"

#include <algorithm>
#include <cmath>
#include <vector>

class FeedProfile
{
public:
    explicit FeedProfile(const FeedSettings &settings) : m_settings(settings) {}

    // segmentStart is where the current integration segment began (segments end at breakpoints): a piecewise
    // rate is taken from there, so a stage evaluated exactly at the segment's end still sees the segment's
    // rate.
    template <typename T> T rate(double tHours, const T &volume, double segmentStart) const
    {
        switch (m_settings.type) {
        case FeedProfileType::Constant:
            return T(m_settings.F);
        case FeedProfileType::Exponential:
            return T(m_settings.F0 * std::exp(m_settings.muSet * tHours));
        case FeedProfileType::Piecewise:
            return T(piecewiseRate(segmentStart));
        case FeedProfileType::Chemostat:
            return m_settings.D * volume;
        }
        return T(0.0);
    }

    // Times where the rate jumps: solvers stop there instead of stepping across a discontinuity.
    std::vector<double> breakpoints() const
    {
        return m_settings.type == FeedProfileType::Piecewise ? m_settings.times : std::vector<double>{};
    }

private:
    double piecewiseRate(double tHours) const
    {
        const auto &times = m_settings.times;
        if (times.empty() || tHours < times.front())
            return 0.0;
        // The interval [times[i], times[i+1]) holds F[i].
        const auto it = std::upper_bound(times.begin(), times.end(), tHours);
        return m_settings.rates[static_cast<std::size_t>(it - times.begin()) - 1];
    }

    FeedSettings m_settings;
};
