#include "DisplayUnit.h"

#include <QHash>
#include <QStringList>

QString DisplayUnit::text(const QString &stationUnit)
{
    // Only spellings that cannot mean anything else: "C" alone could be coulomb, "um" is always micrometre.
    static const QHash<QString, QString> shown = {
        {QStringLiteral("degC"), QStringLiteral("°C")},   {QStringLiteral("degF"), QStringLiteral("°F")},
        {QStringLiteral("deg"), QStringLiteral("°")},     {QStringLiteral("uS"), QStringLiteral("µS")},
        {QStringLiteral("ug"), QStringLiteral("µg")},     {QStringLiteral("uL"), QStringLiteral("µL")},
        {QStringLiteral("ul"), QStringLiteral("µL")},     {QStringLiteral("um"), QStringLiteral("µm")},
        {QStringLiteral("umol"), QStringLiteral("µmol")}, {QStringLiteral("uM"), QStringLiteral("µM")},
        {QStringLiteral("m2"), QStringLiteral("m²")},     {QStringLiteral("m3"), QStringLiteral("m³")},
        {QStringLiteral("cm2"), QStringLiteral("cm²")},   {QStringLiteral("cm3"), QStringLiteral("cm³")},
        {QStringLiteral("ohm"), QStringLiteral("Ω")},     {QStringLiteral("percent"), QStringLiteral("%")},
        {QStringLiteral("h-1"), QStringLiteral("1/h")}};
    QStringList parts = stationUnit.trimmed().split(QLatin1Char('/'));
    for (QString &part : parts)
        part = shown.value(part.trimmed(), part.trimmed());
    return parts.join(QLatin1Char('/'));
}

QString DisplayUnit::besideValue(const ChannelInfo &channel)
{
    const QString unit = text(channel.unit);
    const QString label = channel.label.isEmpty() ? channel.name : channel.label;
    return unit.compare(label, Qt::CaseInsensitive) == 0 ? QString() : unit;
}
