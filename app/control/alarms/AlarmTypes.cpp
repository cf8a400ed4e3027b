#include "AlarmTypes.h"

QString alarmStateName(AlarmState state)
{
    switch (state) {
    case AlarmState::Normal:
        return QStringLiteral("normal");
    case AlarmState::ActiveUnacked:
        return QStringLiteral("active unacknowledged");
    case AlarmState::ActiveAcked:
        return QStringLiteral("active acknowledged");
    case AlarmState::ReturnedUnacked:
        return QStringLiteral("returned unacknowledged");
    case AlarmState::Shelved:
        return QStringLiteral("shelved");
    case AlarmState::OutOfService:
        return QStringLiteral("out of service");
    }
    return {};
}

QString alarmPriorityName(AlarmPriority priority)
{
    switch (priority) {
    case AlarmPriority::Low:
        return QStringLiteral("low");
    case AlarmPriority::Medium:
        return QStringLiteral("medium");
    case AlarmPriority::High:
        return QStringLiteral("high");
    }
    return {};
}

QString alarmKindName(AlarmKind kind)
{
    switch (kind) {
    case AlarmKind::Process:
        return QStringLiteral("process");
    case AlarmKind::Instrument:
        return QStringLiteral("instrument");
    case AlarmKind::Communication:
        return QStringLiteral("communication");
    case AlarmKind::System:
        return QStringLiteral("system");
    }
    return {};
}
