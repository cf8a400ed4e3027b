#pragma once
// What one alarm watches and how it is presented: from the station file, or created on the fly for instrument
// and communication faults.
#include "AlarmTypes.h"

#include <QString>

enum class AlarmCondition
{
    HighLimit,    // channel value above limit
    LowLimit,     // channel value below limit
    RateOfChange, // slope in units per minute beyond limit (negative: falling)
    Discrete,     // set from outside: interlock trips, gravimetric check, link faults
};

struct AlarmDefinition
{
    QString id;
    QString text;
    AlarmKind kind = AlarmKind::Process;
    AlarmPriority priority = AlarmPriority::Medium;
    AlarmCondition condition = AlarmCondition::Discrete;
    QString channel;
    double limit = 0.0;
    double deadband = 0.0;
    qint64 onDelayMs = 0;
    qint64 offDelayMs = 0;
    qint64 rateWindowMs = 60000; // RateOfChange only
};
