#include "OperatorText.h"

#include "DisplayUnit.h"

#include <QCoreApplication>

#include <algorithm>

QString actuatorTitle(const QString &actuatorId)
{
    QString title = actuatorId;
    title.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!title.isEmpty())
        title[0] = title[0].toUpper();
    return title;
}

QString channelTitle(const ChannelInfo &channel)
{
    const QString label = channel.label.isEmpty() ? channel.name : channel.label;
    const QString unit = DisplayUnit::besideValue(channel);
    if (unit.isEmpty()) // "pH", not "pH [pH]"
        return label;
    return QCoreApplication::translate("OperatorText", "%1 [%2]").arg(label, unit);
}

QString asSentence(const QString &text)
{
    QString sentence = text.trimmed();
    if (sentence.isEmpty())
        return sentence;
    sentence[0] = sentence[0].toUpper();
    const QChar last = sentence.back();
    if (last != QLatin1Char('.') && last != QLatin1Char('!') && last != QLatin1Char('?'))
        sentence += QLatin1Char('.');
    return sentence;
}

QString operatorMessage(const QString &message, const QStringList &actuatorIds)
{
    // Longest first, so an id that is part of another (pump, feed_pump) does not split it.
    QStringList ids = actuatorIds;
    std::sort(ids.begin(), ids.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
    QString text = message;
    for (const QString &id : ids)
        if (!id.isEmpty())
            text.replace(id, actuatorTitle(id));
    return asSentence(text);
}
