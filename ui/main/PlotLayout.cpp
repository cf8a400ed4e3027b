#include "PlotLayout.h"

#include "DisplayUnit.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>
#include <QtNumeric>

#include <algorithm>
#include <cmath>

Q_LOGGING_CATEGORY(lcPlot, "reactordesk.plot")

namespace {
// Channels of different units that an operator reads together.
const QList<QSet<QString>> relatedNames = {
    {QStringLiteral("od"), QStringLiteral("glucose")}, // biomass and the substrate it consumes
};

bool related(const ChannelInfo &a, const ChannelInfo &b)
{
    if (!a.unit.isEmpty() && a.unit == b.unit)
        return true;
    for (const QSet<QString> &names : relatedNames)
        if (names.contains(a.name) && names.contains(b.name))
            return true;
    return false;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("PlotLayout", text);
}
} // namespace

PlotLayout PlotLayout::onePanelPerChannel(const QList<ChannelInfo> &channels)
{
    PlotLayout layout;
    for (const ChannelInfo &channel : channels)
        layout.m_panels.append(QStringList{channel.name});
    return layout;
}

PlotLayout PlotLayout::combineRelated(const QList<ChannelInfo> &channels)
{
    PlotLayout layout;
    QList<QList<ChannelInfo>> members;
    for (const ChannelInfo &channel : channels) {
        int joined = -1;
        for (int panel = 0; panel < members.size() && joined < 0; ++panel)
            if (members[panel].size() < maxCombined &&
                std::any_of(members[panel].cbegin(), members[panel].cend(),
                            [&](const ChannelInfo &other) { return related(channel, other); }))
                joined = panel;
        if (joined < 0) {
            members.append({channel});
            layout.m_panels.append(QStringList{channel.name});
        } else {
            members[joined].append(channel);
            layout.m_panels[joined].append(channel.name);
        }
    }
    return layout;
}

QList<QStringList> PlotLayout::valueAxes(const QList<ChannelInfo> &panelChannels)
{
    QList<QStringList> axes;
    QHash<QString, int> axisOfUnit;
    for (const ChannelInfo &channel : panelChannels) {
        const QString unit = DisplayUnit::text(channel.unit);
        const auto shared = axisOfUnit.constFind(unit);
        if (!unit.isEmpty() && shared != axisOfUnit.cend()) {
            axes[*shared].append(channel.name);
            continue;
        }
        if (!unit.isEmpty())
            axisOfUnit.insert(unit, int(axes.size()));
        axes.append(QStringList{channel.name});
    }
    return axes;
}

int PlotLayout::panelOf(const QString &channel) const
{
    for (int panel = 0; panel < m_panels.size(); ++panel)
        if (m_panels[panel].contains(channel))
            return panel;
    return -1;
}

bool PlotLayout::moveToPanel(const QString &channel, int panel)
{
    const int from = panelOf(channel);
    if (from < 0 || panel < 0 || panel >= m_panels.size() || panel == from)
        return false;
    m_panels[panel].append(channel);
    m_panels[from].removeOne(channel);
    if (m_panels[from].isEmpty())
        m_panels.removeAt(from);
    return true;
}

bool PlotLayout::moveToNewPanel(const QString &channel)
{
    const int from = panelOf(channel);
    if (from < 0 || m_panels[from].size() < 2)
        return false; // unknown, or alone in its panel already
    m_panels[from].removeOne(channel);
    m_panels.insert(from + 1, QStringList{channel});
    return true;
}

bool PlotLayout::combinePanels(int from, int into)
{
    if (from < 0 || into < 0 || from >= m_panels.size() || into >= m_panels.size() || from == into)
        return false;
    m_panels[into].append(m_panels[from]);
    m_panels.removeAt(from);
    return true;
}

bool PlotLayout::setManualRange(const QString &channel, double lower, double upper)
{
    if (panelOf(channel) < 0 || !(lower < upper) || !std::isfinite(lower) || !std::isfinite(upper))
        return false;
    m_manualRanges.insert(channel, ValueRange{lower, upper});
    return true;
}

void PlotLayout::copyManualRanges(const PlotLayout &other)
{
    for (auto it = other.m_manualRanges.cbegin(); it != other.m_manualRanges.cend(); ++it)
        setManualRange(it.key(), it->lower, it->upper);
}

bool PlotLayout::alignSharedAxisRanges(const QList<ChannelInfo> &channels)
{
    QHash<QString, ChannelInfo> infos;
    for (const ChannelInfo &channel : channels)
        infos.insert(channel.name, channel);
    const QHash<QString, ValueRange> before = m_manualRanges;
    for (const QStringList &panel : std::as_const(m_panels)) {
        QList<ChannelInfo> members;
        for (const QString &name : panel)
            members << infos.value(name, ChannelInfo{name, QString(), QString(), 0, 0});
        for (const QStringList &axis : valueAxes(members)) {
            const auto fixed = std::find_if(axis.cbegin(), axis.cend(),
                                            [this](const QString &name) { return hasManualRange(name); });
            if (fixed == axis.cend())
                continue;
            const ValueRange range = manualRange(*fixed);
            for (const QString &name : axis)
                m_manualRanges.insert(name, range);
        }
    }
    return m_manualRanges != before;
}

QJsonObject PlotLayout::toJson() const
{
    QJsonArray panels;
    for (const QStringList &panel : m_panels)
        panels.append(QJsonArray::fromStringList(panel));
    QJsonObject ranges;
    for (auto it = m_manualRanges.cbegin(); it != m_manualRanges.cend(); ++it)
        ranges.insert(it.key(), QJsonArray{it->lower, it->upper});
    return QJsonObject{{QStringLiteral("panels"), panels}, {QStringLiteral("manualRanges"), ranges}};
}

PlotLayout PlotLayout::fromJson(const QJsonObject &json, const QList<ChannelInfo> &channels,
                                QStringList *warnings)
{
    const auto warn = [warnings](const QString &message) {
        qCWarning(lcPlot).noquote() << message;
        if (warnings)
            warnings->append(message);
    };
    const QJsonValue panelsValue = json.value(QStringLiteral("panels"));
    if (!panelsValue.isArray()) {
        warn(tr("saved plot layout: \"panels\" is not a list; showing one panel per channel"));
        return onePanelPerChannel(channels);
    }
    QSet<QString> known;
    for (const ChannelInfo &channel : channels)
        known.insert(channel.name);
    PlotLayout layout;
    QSet<QString> placed;
    const QJsonArray panels = panelsValue.toArray();
    for (int index = 0; index < panels.size(); ++index) {
        QStringList panel;
        const QJsonArray names = panels.at(index).toArray();
        for (const QJsonValue &name : names) {
            const QString channel = name.toString();
            if (!known.contains(channel))
                warn(tr("saved plot layout: panel %1 names channel \"%2\", which this station does not have; "
                        "left out")
                         .arg(index + 1)
                         .arg(channel));
            else if (!placed.contains(channel)) {
                panel.append(channel);
                placed.insert(channel);
            }
        }
        if (!panel.isEmpty())
            layout.m_panels.append(panel);
    }
    for (const ChannelInfo &channel : channels)
        if (!placed.contains(channel.name))
            layout.m_panels.append(QStringList{channel.name});
    const QJsonObject ranges = json.value(QStringLiteral("manualRanges")).toObject();
    for (auto it = ranges.constBegin(); it != ranges.constEnd(); ++it) {
        const QJsonArray bounds = it->toArray();
        if (!known.contains(it.key()))
            warn(tr("saved plot layout: manual range for channel \"%1\", which this station does not have; "
                    "left out")
                     .arg(it.key()));
        else if (bounds.size() != 2 || !layout.setManualRange(it.key(), bounds.at(0).toDouble(qQNaN()),
                                                              bounds.at(1).toDouble(qQNaN())))
            warn(tr("saved plot layout: manual range of \"%1\" is not [lower, upper] with lower < upper; the "
                    "channel autoscales")
                     .arg(it.key()));
    }
    return layout;
}
