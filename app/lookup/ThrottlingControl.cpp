#include "ThrottlingControl.h"

#include <QRegularExpression>

ServerLoad parseThrottlingControl(const QByteArray &headerValue)
{
    static const QRegularExpression status(QStringLiteral("status:\\s*(Green|Yellow|Red|Black)"),
                                           QRegularExpression::CaseInsensitiveOption);
    ServerLoad worst = ServerLoad::Unknown;
    auto matches = status.globalMatch(QString::fromLatin1(headerValue));
    while (matches.hasNext()) {
        const QString word = matches.next().captured(1).toLower();
        const ServerLoad load = word == QLatin1String("green")    ? ServerLoad::Green
                                : word == QLatin1String("yellow") ? ServerLoad::Yellow
                                : word == QLatin1String("red")    ? ServerLoad::Red
                                                                  : ServerLoad::Black;
        worst = std::max(worst, load);
    }
    return worst;
}

QString serverLoadName(ServerLoad load)
{
    switch (load) {
    case ServerLoad::Green:
        return QStringLiteral("Green");
    case ServerLoad::Yellow:
        return QStringLiteral("Yellow");
    case ServerLoad::Red:
        return QStringLiteral("Red");
    case ServerLoad::Black:
        return QStringLiteral("Black");
    case ServerLoad::Unknown:
        break;
    }
    return QStringLiteral("Unknown");
}
