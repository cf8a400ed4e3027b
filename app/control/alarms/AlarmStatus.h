#pragma once
// One alarm as the panel shows it and the manager keeps it: its definition plus where it stands now.
#include "AlarmDefinition.h"

struct AlarmStatus
{
    AlarmDefinition definition;
    AlarmState state = AlarmState::Normal;
    bool conditionActive = false; // followed even while shelved or out of service
    double lastValue = 0.0;
    qint64 lastChangeMs = 0;
    qint64 shelvedUntilMs = 0;
    QString note; // shelve or out-of-service reason, with who
};

// One state change, for the run journal and the panel.
struct AlarmTransition
{
    qint64 timeMs = 0;
    QString id;
    QString text;
    AlarmKind kind = AlarmKind::Process;
    AlarmPriority priority = AlarmPriority::Medium;
    AlarmState from = AlarmState::Normal;
    AlarmState to = AlarmState::Normal;
    double value = 0.0;
    QString cause; // "condition", "acknowledged by ana", "shelf expired", ...
};
