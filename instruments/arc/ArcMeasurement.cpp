#include "ArcMeasurement.h"

#include "ModbusValue.h"

#include <QCoreApplication>
#include <QStringList>

#include <cmath>

namespace {
const ModbusValue u32{ModbusValue::Type::U32, true, 1.0};
const ModbusValue f32{ModbusValue::Type::F32, true, 1.0};
} // namespace

bool ArcMeasurement::decode(const QList<quint16> &r, ArcMeasurement *out)
{
    if (r.size() != blockRegisters)
        return false;
    out->unitBits = quint32(u32.decode(r.constData()));
    out->value = f32.decode(r.constData() + 2);
    out->status = quint32(u32.decode(r.constData() + 4));
    out->minimum = f32.decode(r.constData() + 6);
    out->maximum = f32.decode(r.constData() + 8);
    return true;
}

QList<quint16> ArcMeasurement::encode() const
{
    return u32.encode(unitBits) + f32.encode(value) + u32.encode(status) + f32.encode(minimum) +
           f32.encode(maximum);
}

quint32 ArcMeasurement::unitBitFor(const QString &unit)
{
    if (unit == QLatin1String("pH"))
        return PH;
    if (unit == QLatin1String("%sat"))
        return PercentSat;
    if (unit == QLatin1String("mg/L"))
        return MgPerL;
    if (unit == QLatin1String("degC"))
        return DegC;
    return 0;
}

Quality ArcMeasurement::quality() const
{
    if (!std::isfinite(value) || (status & (Error | TemperatureOutOfOperatingRange)) ||
        (maximum > minimum && (value < minimum || value > maximum)))
        return Quality::Bad;
    if (status & (Warning | CalibrationDue | TemperatureOutOfMeasurementRange))
        return Quality::Uncertain;
    return Quality::Good;
}

QString ArcMeasurement::describeStatus() const
{
    static const struct
    {
        quint32 bit;
        const char *text;
    } bits[] = {{TemperatureOutOfMeasurementRange, "temperature outside the measurement range"},
                {TemperatureOutOfOperatingRange, "temperature outside the operating range"},
                {CalibrationDue, "calibration due"},
                {Warning, "sensor warning"},
                {Error, "sensor error"}};
    QStringList parts;
    for (const auto &entry : bits)
        if (status & entry.bit)
            parts << QCoreApplication::translate("ArcMeasurement", entry.text);
    if (!std::isfinite(value))
        parts << QCoreApplication::translate("ArcMeasurement", "value is not a number");
    else if (maximum > minimum && (value < minimum || value > maximum))
        parts << QCoreApplication::translate("ArcMeasurement", "value %1 outside the sensor range %2 to %3")
                     .arg(value)
                     .arg(minimum)
                     .arg(maximum);
    return parts.join(QStringLiteral(", "));
}
