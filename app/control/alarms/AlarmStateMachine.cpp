#include "AlarmStateMachine.h"

AlarmStep AlarmStateMachine::next(AlarmState state, AlarmInput input, bool conditionActive)
{
    const AlarmStep stay{state, true};
    const AlarmStep reject{state, false};
    const bool suppressed = state == AlarmState::Shelved || state == AlarmState::OutOfService;
    switch (input) {
    case AlarmInput::ConditionActive:
        if (state == AlarmState::Normal || state == AlarmState::ReturnedUnacked)
            return {AlarmState::ActiveUnacked, true};
        return stay; // already active, or suppressed (the condition is followed, not annunciated)
    case AlarmInput::ConditionCleared:
        if (state == AlarmState::ActiveUnacked)
            return {AlarmState::ReturnedUnacked, true};
        if (state == AlarmState::ActiveAcked)
            return {AlarmState::Normal, true};
        return stay;
    case AlarmInput::Acknowledge:
        if (state == AlarmState::ActiveUnacked)
            return {AlarmState::ActiveAcked, true};
        if (state == AlarmState::ReturnedUnacked)
            return {AlarmState::Normal, true};
        return reject;
    case AlarmInput::Shelve:
        if (suppressed)
            return reject;
        return {AlarmState::Shelved, true};
    case AlarmInput::Unshelve:
        if (state != AlarmState::Shelved)
            return reject;
        return {conditionActive ? AlarmState::ActiveUnacked : AlarmState::Normal, true};
    case AlarmInput::RemoveFromService:
        if (state == AlarmState::OutOfService)
            return reject;
        return {AlarmState::OutOfService, true};
    case AlarmInput::ReturnToService:
        if (state != AlarmState::OutOfService)
            return reject;
        return {conditionActive ? AlarmState::ActiveUnacked : AlarmState::Normal, true};
    }
    return reject;
}
