#pragma once
// A feed plan from outside the controller (the process model's optimiser): from issuedMs on, each rate holds
// from its offset (hours) until the next one. The controller applies it within the same limits as anything
// else.
#include <QString>

#include <cmath>
#include <optional>
#include <utility>
#include <vector>

struct FeedPlan
{
    qint64 issuedMs = 0;
    std::vector<std::pair<double, double>> steps; // (offset hours from issuedMs, rate), offsets increasing
    QString source;                               // which model/plan, for the audit trail

    double rateAt(qint64 nowMs) const
    {
        const double hours = double(nowMs - issuedMs) / 3600000.0;
        double rate = steps.empty() ? 0.0 : steps.front().second;
        for (const auto &[offset, stepRate] : steps)
            if (offset <= hours)
                rate = stepRate;
        return rate;
    }

    // The first step after nowMs whose rate differs from the one in effect: (ms on the plan's clock, rate).
    // None when the present rate holds to the plan's end.
    std::optional<std::pair<qint64, double>> nextChangeAfter(qint64 nowMs) const
    {
        const double current = rateAt(nowMs);
        const double hours = double(nowMs - issuedMs) / 3600000.0;
        for (const auto &[offset, stepRate] : steps)
            if (offset > hours && stepRate != current)
                return std::make_pair(issuedMs + std::llround(offset * 3600000.0), stepRate);
        return std::nullopt;
    }
};
