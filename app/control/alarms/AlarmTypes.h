#pragma once
// The vocabulary of alarms (ISA-18.2 / OPC UA Alarms & Conditions): state, priority and kind.
#include <QString>

// ISA-18.2 alarm states. Shelved and OutOfService suppress annunciation; the condition is still followed.
enum class AlarmState
{
    Normal,
    ActiveUnacked,
    ActiveAcked,
    ReturnedUnacked,
    Shelved,
    OutOfService
};
enum class AlarmPriority
{
    Low = 0,
    Medium = 1,
    High = 2
};
// Process alarms are about the culture; instrument and communication faults about the equipment; system
// faults about the workstation itself (its run file cannot be written, its recorder falls behind).
enum class AlarmKind
{
    Process,
    Instrument,
    Communication,
    System
};

QString alarmStateName(AlarmState state);
QString alarmPriorityName(AlarmPriority priority);
QString alarmKindName(AlarmKind kind);
