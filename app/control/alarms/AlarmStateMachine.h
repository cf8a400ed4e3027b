#pragma once
// The ISA-18.2 alarm state machine as one pure function, so every transition can be tested as a table.
// Condition changes move Normal -> ActiveUnacked -> (ack) ActiveAcked -> (clear) Normal, or
// ActiveUnacked -> (clear) ReturnedUnacked -> (ack) Normal. Shelving and out of service suppress the alarm
// from any annunciated state; leaving them re-evaluates the condition (active again: ActiveUnacked, else
// Normal). Inputs that make no sense in a state (acknowledging a normal alarm) leave it unchanged and are
// rejected.
#include "AlarmTypes.h"

enum class AlarmInput
{
    ConditionActive,
    ConditionCleared,
    Acknowledge,
    Shelve,
    Unshelve,
    RemoveFromService,
    ReturnToService
};

struct AlarmStep
{
    AlarmState next;
    bool accepted; // false: the input is not valid in this state (state unchanged)
};

namespace AlarmStateMachine {
AlarmStep next(AlarmState state, AlarmInput input, bool conditionActive);
} // namespace AlarmStateMachine
