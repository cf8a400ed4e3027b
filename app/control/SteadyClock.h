#pragma once
// The real clock: UTC at construction plus a monotonic elapsed timer, so a wall-clock jump (NTP, daylight
// saving) never stretches or shrinks a profile or a delay.
#include "ControlClock.h"

#include <QDateTime>
#include <QElapsedTimer>

class SteadyClock : public ControlClock
{
public:
    SteadyClock() : m_epochAtStartMs(QDateTime::currentMSecsSinceEpoch()) { m_elapsed.start(); }
    qint64 nowMs() const override { return m_epochAtStartMs + m_elapsed.elapsed(); }

private:
    qint64 m_epochAtStartMs;
    QElapsedTimer m_elapsed;
};
