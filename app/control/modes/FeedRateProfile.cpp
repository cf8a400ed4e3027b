#include "FeedRateProfile.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

FeedRateProfile FeedRateProfile::constant(double rate)
{
    FeedRateProfile profile;
    profile.m_kind = Kind::Constant;
    profile.m_a = rate;
    return profile;
}

FeedRateProfile FeedRateProfile::linearRamp(double startRate, double endRate, double durationHours)
{
    FeedRateProfile profile;
    profile.m_kind = Kind::LinearRamp;
    profile.m_a = startRate;
    profile.m_b = endRate;
    profile.m_durationHours = std::max(0.0, durationHours);
    return profile;
}

FeedRateProfile FeedRateProfile::exponential(double muSetPerHour, double biomass0, double volume0Ml,
                                             double yieldXs, double feedSubstrate)
{
    FeedRateProfile profile;
    profile.m_kind = Kind::Exponential;
    const double denominator = yieldXs * feedSubstrate;
    profile.m_a = denominator > 0 ? muSetPerHour * biomass0 * volume0Ml / denominator : 0.0;
    profile.m_b = muSetPerHour;
    return profile;
}

FeedRateProfile FeedRateProfile::table(std::vector<std::pair<double, double>> rows, QString *error)
{
    FeedRateProfile profile;
    profile.m_kind = Kind::Table;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const bool firstIsZero = i > 0 || rows[i].first == 0.0;
        const bool increasing = i == 0 || rows[i].first > rows[i - 1].first;
        if (!firstIsZero || !increasing || !std::isfinite(rows[i].second)) {
            if (error)
                *error = QCoreApplication::translate(
                             "FeedRateProfile", "profile table row %1: times must start at 0 h and increase, "
                                                "rates must be numbers")
                             .arg(i + 1);
            return constant(0.0);
        }
    }
    if (rows.empty() && error)
        *error = QCoreApplication::translate("FeedRateProfile", "the profile table is empty");
    profile.m_rows = std::move(rows);
    return profile;
}

double FeedRateProfile::rateAt(double tHours) const
{
    const double t = std::max(0.0, tHours);
    switch (m_kind) {
    case Kind::Constant:
        return m_a;
    case Kind::LinearRamp:
        if (m_durationHours <= 0 || t >= m_durationHours)
            return m_b;
        return m_a + (m_b - m_a) * t / m_durationHours;
    case Kind::Exponential:
        return m_a * std::exp(m_b * t);
    case Kind::Table: {
        if (m_rows.empty())
            return 0.0;
        const auto after = std::upper_bound(m_rows.begin(), m_rows.end(), t,
                                            [](double time, const auto &row) { return time < row.first; });
        return std::prev(after)->second;
    }
    }
    return 0.0;
}

QString FeedRateProfile::describe() const
{
    switch (m_kind) {
    case Kind::Constant:
        return QStringLiteral("constant %1").arg(m_a);
    case Kind::LinearRamp:
        return QStringLiteral("ramp %1 -> %2 over %3 h").arg(m_a).arg(m_b).arg(m_durationHours);
    case Kind::Exponential:
        return QStringLiteral("exponential F0=%1 mu_set=%2 1/h").arg(m_a).arg(m_b);
    case Kind::Table:
        return QStringLiteral("table of %1 steps").arg(m_rows.size());
    }
    return {};
}
