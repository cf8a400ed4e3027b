#include "DemoStation.h"

#include <QCoreApplication>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("DemoStation", text);
}
} // namespace

QList<ChannelInfo> DemoStation::sensorChannels()
{
    return {
        {QStringLiteral("ph"), QStringLiteral("pH"), tr("pH"), 4.0, 9.0},
        {QStringLiteral("do"), QStringLiteral("%sat"), tr("Dissolved oxygen"), 0.0, 110.0},
        {QStringLiteral("temperature"), QStringLiteral("degC"), tr("Temperature"), 20.0, 45.0},
        {QStringLiteral("od"), QStringLiteral("OD600"), tr("Optical density"), 0.0, 200.0},
    };
}

QList<ChannelInfo> DemoStation::controllerChannels()
{
    return {
        {QStringLiteral("glucose"), QStringLiteral("g/L"), tr("Glucose"), 0.0, 100.0},
        {QStringLiteral("volume"), QStringLiteral("mL"), tr("Culture volume"), 0.0, 5000.0},
        {QStringLiteral("balance"), QStringLiteral("g"), tr("Feed bottle"), 0.0, 2000.0},
        {QStringLiteral("feed_rate"), QStringLiteral("mL/h"), tr("Feed rate"), 0.0, 500.0},
        {QStringLiteral("base_rate"), QStringLiteral("mL/h"), tr("Base rate"), 0.0, 200.0},
    };
}

ActuatorLimits DemoStation::feedPumpLimits()
{
    ActuatorLimits limits;
    limits.minimum = 0.0;
    limits.maximum = 100.0;
    limits.safeValue = 0.0;
    limits.unit = QStringLiteral("mL/h");
    return limits;
}
