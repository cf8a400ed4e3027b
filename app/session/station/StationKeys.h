#pragma once
// The keys a station file may hold at each level. StationLoader accepts only these (and comments: keys that
// start with "_"); StationWriter owns exactly these and keeps every other key of the original file.
#include <QStringList>

namespace StationKeys {
inline QStringList root()
{
    return {QStringLiteral("station"), QStringLiteral("instruments"), QStringLiteral("alarms"),
            QStringLiteral("interlocks")};
}
inline QStringList instrument()
{
    return {QStringLiteral("name"),      QStringLiteral("driver"),
            QStringLiteral("port"),      QStringLiteral("baud"),
            QStringLiteral("format"),    QStringLiteral("xonXoff"),
            QStringLiteral("address"),   QStringLiteral("pollPeriodMs"),
            QStringLiteral("timeoutMs"), QStringLiteral("stabilityTimeoutMs"),
            QStringLiteral("channels"),  QStringLiteral("actuators")};
}
inline QStringList channel()
{
    return {QStringLiteral("name"),     QStringLiteral("unit"),  QStringLiteral("label"),
            QStringLiteral("min"),      QStringLiteral("max"),   QStringLiteral("query"),
            QStringLiteral("register"), QStringLiteral("modbus")};
}
inline QStringList actuator()
{
    return {QStringLiteral("name"),    QStringLiteral("unit"),  QStringLiteral("min"),
            QStringLiteral("max"),     QStringLiteral("safe"),  QStringLiteral("maxChangePerSecond"),
            QStringLiteral("command"), QStringLiteral("modbus")};
}
inline QStringList modbus()
{
    return {QStringLiteral("register"), QStringLiteral("table"), QStringLiteral("type"),
            QStringLiteral("wordOrder"), QStringLiteral("scale")};
}
// A level alarm has exactly one of these, from the bottom up; a rate alarm has ratePerMinute instead.
inline QStringList alarmLevels()
{
    return {QStringLiteral("lowLow"), QStringLiteral("low"), QStringLiteral("high"),
            QStringLiteral("highHigh")};
}
inline QStringList alarm()
{
    return QStringList{
               QStringLiteral("id"),        QStringLiteral("channel"),       QStringLiteral("text"),
               QStringLiteral("priority"),  QStringLiteral("deadband"),      QStringLiteral("onDelayS"),
               QStringLiteral("offDelayS"), QStringLiteral("ratePerMinute"), QStringLiteral("windowS")} +
           alarmLevels();
}
inline QStringList interlock()
{
    return {QStringLiteral("id"),    QStringLiteral("channel"), QStringLiteral("above"),
            QStringLiteral("below"), QStringLiteral("delayS"),  QStringLiteral("actuators"),
            QStringLiteral("text")};
}
} // namespace StationKeys
