#pragma once
// What the feed pump's model plan is doing now, for the operator's card: whether the model is in control,
// the rate it commands and its next change (UTC ms), or why it follows no plan.
#include <QString>

#include <optional>

struct ModelPlanStatus
{
    bool inControl = false;                // the pump is in model-plan mode
    bool followingPlan = false;            // an active plan sets the rate
    bool waitingForConfirmation = false;   // a newer plan waits for an operator
    bool stale = false;                    // no fresh plan (models failing or reset): the present rate holds
    double rate = 0.0;                     // the active plan's rate now, within the pump's limits
    std::optional<qint64> nextChangeUtcMs; // when the active plan changes the rate next
    double nextRate = 0.0;
    QString unit;
};
