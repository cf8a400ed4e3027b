#include "StationSafetyJson.h"

#include "StationKeys.h"
#include "StationObjectWriter.h"

#include <cmath>

namespace {
constexpr qint64 defaultRateWindowMs = 60000;

double seconds(qint64 ms)
{
    return double(ms) / 1000.0;
}

// A low alarm may have been written "lowLow" or "low" (a high one "high" or "highHigh"); the definition does
// not say which, so the original file's choice is kept, and "low"/"high" used for a new alarm.
QString levelKey(const AlarmDefinition &alarm, const QJsonObject &original)
{
    const bool low = alarm.condition == AlarmCondition::LowLimit;
    const QStringList candidates = low ? QStringList{QStringLiteral("low"), QStringLiteral("lowLow")}
                                       : QStringList{QStringLiteral("high"), QStringLiteral("highHigh")};
    for (const QString &key : candidates)
        if (original.contains(key))
            return key;
    return candidates.first();
}

QJsonObject alarmJson(const AlarmDefinition &a, const QJsonObject &original)
{
    StationObjectWriter w(original, StationKeys::alarm());
    w.set(QStringLiteral("id"), a.id);
    w.set(QStringLiteral("channel"), a.channel);
    w.set(QStringLiteral("text"), a.text);
    w.setUnlessDefault(QStringLiteral("priority"), alarmPriorityName(a.priority),
                       a.priority == AlarmPriority::Medium);
    w.setUnlessDefault(QStringLiteral("deadband"), a.deadband, a.deadband == 0.0);
    w.setUnlessDefault(QStringLiteral("onDelayS"), seconds(a.onDelayMs), a.onDelayMs == 0);
    w.setUnlessDefault(QStringLiteral("offDelayS"), seconds(a.offDelayMs), a.offDelayMs == 0);
    if (a.condition == AlarmCondition::RateOfChange) {
        w.set(QStringLiteral("ratePerMinute"), a.limit);
        w.setUnlessDefault(QStringLiteral("windowS"), seconds(a.rateWindowMs),
                           a.rateWindowMs == defaultRateWindowMs);
    } else {
        w.set(levelKey(a, original), a.limit);
    }
    return w.object();
}

QJsonObject interlockJson(const Interlock &interlock, const QJsonObject &original)
{
    StationObjectWriter w(original, StationKeys::interlock());
    w.set(QStringLiteral("id"), interlock.name);
    w.set(QStringLiteral("channel"), interlock.channel);
    if (std::isfinite(interlock.high))
        w.set(QStringLiteral("above"), interlock.high);
    if (std::isfinite(interlock.low))
        w.set(QStringLiteral("below"), interlock.low);
    w.setUnlessDefault(QStringLiteral("delayS"), seconds(interlock.delayMs), interlock.delayMs == 0);
    w.set(QStringLiteral("actuators"), QJsonArray::fromStringList(interlock.actuators));
    w.set(QStringLiteral("text"), interlock.text);
    return w.object();
}
} // namespace

namespace StationSafetyJson {
QJsonArray alarmsToJson(const QList<AlarmDefinition> &alarms, const QJsonArray &original)
{
    QJsonArray array;
    for (const AlarmDefinition &alarm : alarms)
        array.append(alarmJson(alarm, StationObjectWriter::find(original, QStringLiteral("id"), alarm.id)));
    return array;
}

QJsonArray interlocksToJson(const QList<Interlock> &interlocks, const QJsonArray &original)
{
    QJsonArray array;
    for (const Interlock &interlock : interlocks)
        array.append(interlockJson(
            interlock, StationObjectWriter::find(original, QStringLiteral("id"), interlock.name)));
    return array;
}
} // namespace StationSafetyJson
