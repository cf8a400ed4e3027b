#pragma once
// A clock that moves only when told: for tests and for replaying a run through the controllers.
#include "ControlClock.h"

class VirtualClock : public ControlClock
{
public:
    explicit VirtualClock(qint64 startMs = 0) : m_nowMs(startMs) {}
    qint64 nowMs() const override { return m_nowMs; }
    void setMs(qint64 ms) { m_nowMs = ms; }
    void advanceMs(qint64 ms) { m_nowMs += ms; }

private:
    qint64 m_nowMs;
};
