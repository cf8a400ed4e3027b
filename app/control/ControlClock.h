#pragma once
// The time control code runs on, in milliseconds (UTC epoch scale). Injected so that unit tests run profiles,
// PID loops, delays and shelving expiry on virtual time instead of waiting.
#include <QtGlobal>

class ControlClock
{
public:
    virtual ~ControlClock() = default;
    virtual qint64 nowMs() const = 0;
};
