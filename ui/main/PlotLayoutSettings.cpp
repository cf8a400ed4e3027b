#include "PlotLayoutSettings.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSettings>
#include <QUrl>

namespace {
// A station is named by its file path: percent-encode it so its slashes do not become settings groups.
QString keyFor(const QString &station)
{
    return QStringLiteral("plot/layouts/") + QString::fromLatin1(QUrl::toPercentEncoding(station));
}
} // namespace

PlotLayout PlotLayoutSettings::load(const QString &station, const QList<ChannelInfo> &channels,
                                    QStringList *warnings)
{
    const QString saved = QSettings().value(keyFor(station)).toString();
    // Nothing saved yet: related channels share a panel, so a station with a dozen channels starts readable
    // (eleven stacked panels leave each label a few pixels).
    if (saved.isEmpty())
        return PlotLayout::combineRelated(channels);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(saved.toUtf8(), &error);
    if (!document.isObject()) {
        const QString message =
            QCoreApplication::translate("PlotLayoutSettings",
                                        "saved plot layout of station %1 is not a JSON object (%2); showing "
                                        "one panel per channel")
                .arg(station, error.errorString());
        qCWarning(lcPlot).noquote() << message;
        if (warnings)
            warnings->append(message);
        return PlotLayout::onePanelPerChannel(channels);
    }
    return PlotLayout::fromJson(document.object(), channels, warnings);
}

void PlotLayoutSettings::save(const QString &station, const PlotLayout &layout)
{
    QSettings().setValue(keyFor(station),
                         QString::fromUtf8(QJsonDocument(layout.toJson()).toJson(QJsonDocument::Compact)));
}
