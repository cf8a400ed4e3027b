#pragma once
// A feed plan from outside the controller (the process model's optimiser): from issuedMs on, each rate holds
// from its offset (hours) until the next one. The controller applies it within the same limits as anything
// else.
#include <QString>

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
};
