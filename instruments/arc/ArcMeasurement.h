#pragma once
// One Hamilton Arc measurement channel (PMC) as read in a block of 10 registers: unit bitmask (u32), value
// (f32), status bitmask (u32), range minimum (f32), range maximum (f32), every 32-bit item LOW word first.
#include "Reading.h"

#include <QList>
#include <QString>

struct ArcMeasurement
{
    static constexpr int blockRegisters = 10;
    // Manual register numbers count from 1; on the wire subtract 1.
    static constexpr int pmc1Register = 2090;
    static constexpr int pmc6Register = 2410; // temperature

    enum StatusBit : quint32
    {
        TemperatureOutOfMeasurementRange = 0x01,
        TemperatureOutOfOperatingRange = 0x02,
        CalibrationDue = 0x04,
        Warning = 0x08,
        Error = 0x10,
    };
    enum UnitBit : quint32
    {
        DegC = 0x04,
        PercentSat = 0x20,
        MgPerL = 0x80,
        PH = 0x1000
    };

    quint32 unitBits = 0;
    double value = 0.0;
    quint32 status = 0;
    double minimum = 0.0;
    double maximum = 0.0;

    static bool decode(const QList<quint16> &registers, ArcMeasurement *out);
    QList<quint16> encode() const; // for the simulator
    // Unit bit a station unit text stands for ("pH", "%sat", "mg/L", "degC"); 0 when it has none.
    static quint32 unitBitFor(const QString &unit);
    // Good, Uncertain (warning, calibration, temperature outside the measurement range) or Bad (error,
    // temperature outside the operating range, a value outside the sensor's own range or not a number).
    Quality quality() const;
    QString describeStatus() const;
};
