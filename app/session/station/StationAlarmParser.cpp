#include "StationAlarmParser.h"

#include "StationFieldReader.h"
#include "StationKeys.h"

#include <QCoreApplication>
#include <QSet>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("StationLoader", text);
}

// The level keys from the bottom up: on one channel each must lie below the next.
const QStringList levelKeys = StationKeys::alarmLevels();
const QString rateKey = QStringLiteral("ratePerMinute");
const QString windowKey = QStringLiteral("windowS");

// Ids the program gives its own alarms (interlock trips, link and instrument faults, the gravimetric check).
bool isReservedId(const QString &id)
{
    return id.startsWith(QLatin1String("interlock.")) || id.startsWith(QLatin1String("link.")) ||
           id.startsWith(QLatin1String("instrument.")) || id == QLatin1String("feed.gravimetric");
}

bool priorityFromName(const QString &name, AlarmPriority *priority)
{
    for (AlarmPriority p : {AlarmPriority::Low, AlarmPriority::Medium, AlarmPriority::High})
        if (alarmPriorityName(p) == name) {
            *priority = p;
            return true;
        }
    return false;
}

struct ParsedAlarm
{
    AlarmDefinition definition;
    int level = -1; // index into levelKeys; -1 for a rate alarm or one that did not parse
};

// A level alarm must keep its channel's levels in order with the alarms before it; reports the first clash.
void checkLevelOrder(const ParsedAlarm &alarm, const QList<ParsedAlarm> &before, const StationFieldReader &r)
{
    const AlarmDefinition &d = alarm.definition;
    for (const ParsedAlarm &other : before) {
        const AlarmDefinition &o = other.definition;
        if (other.level < 0 || other.level == alarm.level || o.channel != d.channel)
            continue;
        const bool above = other.level < alarm.level;
        if (above ? d.limit > o.limit : d.limit < o.limit)
            continue;
        r.fail(levelKeys.at(alarm.level), (above ? tr("a number above the %1 limit %2 of alarm \"%3\"")
                                                 : tr("a number below the %1 limit %2 of alarm \"%3\""))
                                              .arg(levelKeys.at(other.level))
                                              .arg(o.limit)
                                              .arg(o.id));
        return;
    }
}

ParsedAlarm parseAlarm(const QJsonObject &object, const StationFieldReader &r, const QStringList &channels)
{
    r.rejectUnknownKeys(StationKeys::alarm());
    ParsedAlarm parsed;
    AlarmDefinition &d = parsed.definition;
    d.kind = AlarmKind::Process;
    d.id = r.string(QStringLiteral("id"));
    if (isReservedId(d.id))
        r.fail(QStringLiteral("id"), tr("an id that does not start with interlock., link. or instrument. and "
                                        "is not feed.gravimetric (the program's own alarms use those)"));
    d.text = r.string(QStringLiteral("text"));
    d.channel = r.string(QStringLiteral("channel"));
    if (!d.channel.isEmpty() && !channels.contains(d.channel))
        r.fail(QStringLiteral("channel"),
               tr("one of the station's channels (%1)").arg(channels.join(QStringLiteral(", "))));
    if (!priorityFromName(r.string(QStringLiteral("priority"), false, QStringLiteral("medium")), &d.priority))
        r.fail(QStringLiteral("priority"), tr("\"high\", \"medium\" or \"low\""));
    d.deadband = r.nonNegative(QStringLiteral("deadband"));
    d.onDelayMs = qRound64(r.nonNegative(QStringLiteral("onDelayS")) * 1000.0);
    d.offDelayMs = qRound64(r.nonNegative(QStringLiteral("offDelayS")) * 1000.0);

    QStringList given;
    for (const QString &key : levelKeys + QStringList{rateKey})
        if (object.contains(key))
            given.append(key);
    if (given.size() != 1) {
        r.fail(given.isEmpty() ? QString() : given.last(),
               tr("exactly one of lowLow, low, high, highHigh (a level alarm) or ratePerMinute (a rate of "
                  "change alarm)"));
        return parsed;
    }
    const QString &key = given.first();
    d.limit = r.number(key, true);
    if (key == rateKey) {
        d.condition = AlarmCondition::RateOfChange;
        if (object.value(key).isDouble() && d.limit == 0.0)
            r.fail(key, tr("a rate per minute other than 0 (negative: watch falls, positive: rises)"));
        const double windowS = r.number(windowKey, false, 60.0);
        if (!(windowS > 0.0))
            r.fail(windowKey, tr("a window in seconds greater than 0"));
        d.rateWindowMs = qRound64(windowS * 1000.0);
    } else {
        parsed.level = int(levelKeys.indexOf(key));
        d.condition = parsed.level >= levelKeys.indexOf(QStringLiteral("high")) ? AlarmCondition::HighLimit
                                                                                : AlarmCondition::LowLimit;
        if (object.contains(windowKey))
            r.fail(windowKey, tr("no windowS on a level alarm (it belongs to ratePerMinute)"));
    }
    return parsed;
}
} // namespace

namespace StationAlarmParser {
QList<AlarmDefinition> parse(const QJsonArray &alarms, const QString &fileName, const QStringList &channels,
                             QStringList *errors)
{
    QList<ParsedAlarm> parsed;
    QSet<QString> ids;
    for (int i = 0; i < alarms.size(); ++i) {
        QJsonObject object;
        if (!StationFieldReader::objectAt(alarms, i, QStringLiteral("$.alarms"), fileName, errors, &object))
            continue;
        const StationFieldReader r(object, QStringLiteral("$.alarms[%1]").arg(i), fileName, errors);
        const ParsedAlarm alarm = parseAlarm(object, r, channels);
        const QString &id = alarm.definition.id;
        if (!id.isEmpty() && ids.contains(id))
            r.fail(QStringLiteral("id"),
                   tr("an alarm id used once in the station (\"%1\" is taken)").arg(id));
        ids.insert(id);
        if (alarm.level >= 0)
            checkLevelOrder(alarm, parsed, r);
        parsed.append(alarm);
    }
    QList<AlarmDefinition> definitions;
    for (const ParsedAlarm &alarm : std::as_const(parsed))
        definitions.append(alarm.definition);
    return definitions;
}
} // namespace StationAlarmParser
