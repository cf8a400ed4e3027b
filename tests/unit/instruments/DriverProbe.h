#pragma once
// Records what a driver emits, for conformance tests.
#include "InstrumentDriver.h"

#include <QSignalSpy>
#include <QTest>

struct DriverProbe
{
    explicit DriverProbe(InstrumentDriver *driver)
        : readings(driver, &InstrumentDriver::readingsReceived),
          unavailable(driver, &InstrumentDriver::channelUnavailable),
          problems(driver, &InstrumentDriver::problem)
    {
    }
    Reading lastReading() const { return readings.last().first().value<QList<Reading>>().last(); }
    QString lastProblem() const
    {
        return problems.isEmpty() ? QString() : problems.last().first().toString();
    }
    bool waitConnected(InstrumentDriver *d)
    {
        return QTest::qWaitFor([d] { return d->state() == LinkState::Connected; }, 3000);
    }

    QSignalSpy readings;
    QSignalSpy unavailable;
    QSignalSpy problems;
};
