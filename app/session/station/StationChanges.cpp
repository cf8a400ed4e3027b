#include "StationChanges.h"

#include "StationInstrumentJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace {
QString compact(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
}

// "key=value; key=value" over the keys given, in the file's (alphabetical) order; absent keys as "-".
QString summary(const QJsonObject &object, const QStringList &keys)
{
    QStringList parts;
    for (const QString &key : keys)
        parts.append(key + QLatin1Char('=') +
                     (object.contains(key) ? compact(object.value(key)) : QStringLiteral("-")));
    return parts.join(QStringLiteral("; "));
}

QHash<QString, QJsonObject> byName(const StationConfig &station)
{
    QHash<QString, QJsonObject> objects;
    for (const InstrumentConfig &instrument : station.instruments)
        objects.insert(instrument.name,
                       StationInstrumentJson::toJson(instrument, station.safety.maxChangePerSecond));
    return objects;
}
} // namespace

namespace StationChanges {
QList<InstrumentChange> between(const StationConfig &before, const StationConfig &after,
                                const QHash<QString, QString> &renamedFrom)
{
    const QHash<QString, QJsonObject> old = byName(before);
    const QHash<QString, QJsonObject> now = byName(after);
    QList<InstrumentChange> changes;
    QSet<QString> matched;
    for (const InstrumentConfig &instrument : after.instruments) {
        const QString oldName = renamedFrom.value(instrument.name, instrument.name);
        const QJsonObject current = now.value(instrument.name);
        if (!old.contains(oldName)) {
            changes.append({instrument.name, {}, summary(current, current.keys())});
            continue;
        }
        matched.insert(oldName);
        const QJsonObject previous = old.value(oldName);
        QStringList differing;
        for (const QString &key : (previous.keys() + current.keys()))
            if (!differing.contains(key) && previous.value(key) != current.value(key))
                differing.append(key);
        differing.sort();
        if (!differing.isEmpty())
            changes.append({instrument.name, summary(previous, differing), summary(current, differing)});
    }
    for (const InstrumentConfig &instrument : before.instruments)
        if (!matched.contains(instrument.name))
            changes.append({instrument.name,
                            summary(old.value(instrument.name), old.value(instrument.name).keys()),
                            {}});
    return changes;
}
} // namespace StationChanges
