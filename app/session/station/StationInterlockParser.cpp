#include "StationInterlockParser.h"

#include "StationFieldReader.h"
#include "StationKeys.h"

#include <QCoreApplication>
#include <QSet>

#include <limits>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("StationLoader", text);
}

QStringList actuatorsOf(const StationFieldReader &r, const QString &fileName, const QStringList &known,
                        QStringList *errors)
{
    const QString key = QStringLiteral("actuators");
    const QJsonArray array = r.array(key, true);
    if (array.isEmpty() && r.has(key))
        r.fail(key, tr("at least one actuator"));
    QStringList names;
    for (int i = 0; i < array.size(); ++i) {
        const QString name = array.at(i).toString();
        if (known.contains(name))
            names.append(name);
        else
            errors->append(tr("%1: %2[%3]: expected one of the station's actuators (%4)")
                               .arg(fileName, r.path(key))
                               .arg(i)
                               .arg(known.join(QStringLiteral(", "))));
    }
    return names;
}

Interlock parseInterlock(const StationFieldReader &r, const QString &fileName, const QStringList &channels,
                         const QStringList &actuators, QStringList *errors)
{
    r.rejectUnknownKeys(StationKeys::interlock());
    Interlock interlock;
    interlock.name = r.string(QStringLiteral("id"));
    interlock.channel = r.string(QStringLiteral("channel"));
    if (!interlock.channel.isEmpty() && !channels.contains(interlock.channel))
        r.fail(QStringLiteral("channel"),
               tr("one of the station's channels (%1)").arg(channels.join(QStringLiteral(", "))));
    const bool hasAbove = r.has(QStringLiteral("above"));
    const bool hasBelow = r.has(QStringLiteral("below"));
    if (!hasAbove && !hasBelow)
        r.fail({}, tr("\"above\", \"below\" or both (the values beyond which the interlock trips)"));
    interlock.high = r.number(QStringLiteral("above"), false, std::numeric_limits<double>::infinity());
    interlock.low = r.number(QStringLiteral("below"), false, -std::numeric_limits<double>::infinity());
    if (hasAbove && hasBelow && !(interlock.high > interlock.low))
        r.fail(QStringLiteral("above"), tr("a number greater than below (%1)").arg(interlock.low));
    interlock.delayMs = qRound64(r.nonNegative(QStringLiteral("delayS")) * 1000.0);
    interlock.actuators = actuatorsOf(r, fileName, actuators, errors);
    interlock.text = r.string(QStringLiteral("text"));
    return interlock;
}
} // namespace

namespace StationInterlockParser {
QList<Interlock> parse(const QJsonArray &interlocks, const QString &fileName, const QStringList &channels,
                       const QStringList &actuators, QStringList *errors)
{
    QList<Interlock> result;
    QSet<QString> ids;
    for (int i = 0; i < interlocks.size(); ++i) {
        QJsonObject object;
        if (!StationFieldReader::objectAt(interlocks, i, QStringLiteral("$.interlocks"), fileName, errors,
                                          &object))
            continue;
        const StationFieldReader r(object, QStringLiteral("$.interlocks[%1]").arg(i), fileName, errors);
        const Interlock interlock = parseInterlock(r, fileName, channels, actuators, errors);
        if (!interlock.name.isEmpty() && ids.contains(interlock.name))
            r.fail(QStringLiteral("id"),
                   tr("an interlock id used once in the station (\"%1\" is taken)").arg(interlock.name));
        ids.insert(interlock.name);
        result.append(interlock);
    }
    return result;
}
} // namespace StationInterlockParser
