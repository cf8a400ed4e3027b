#pragma once
// A fed-batch feed rate as a function of profile time t (hours since the profile started, pauses excluded):
// constant, linear ramp (then holding the end rate), exponential F = mu_set X0 V0 / (Yxs S_in) e^(mu_set t)
// (X0 g/L, V0 mL, S_in g/L give mL/h), or a table of (t, rate) steps, each rate held until the next time.
#include <QString>

#include <utility>
#include <vector>

class FeedRateProfile
{
public:
    enum class Kind
    {
        Constant,
        LinearRamp,
        Exponential,
        Table
    };

    static FeedRateProfile constant(double rate);
    static FeedRateProfile linearRamp(double startRate, double endRate, double durationHours);
    static FeedRateProfile exponential(double muSetPerHour, double biomass0, double volume0Ml, double yieldXs,
                                       double feedSubstrate);
    // Times must start at 0 and increase; an error text names the first bad row (empty when valid).
    static FeedRateProfile table(std::vector<std::pair<double, double>> rows, QString *error);

    Kind kind() const { return m_kind; }
    double rateAt(double tHours) const;
    QString describe() const;

private:
    Kind m_kind = Kind::Constant;
    double m_a = 0.0; // constant rate, ramp start, or exponential F0
    double m_b = 0.0; // ramp end rate, or exponential mu_set
    double m_durationHours = 0.0;
    std::vector<std::pair<double, double>> m_rows;
};
