#pragma once
// Which channel is drawn in which plot panel, top to bottom, and which channels have a value range fixed by
// the operator (the others autoscale). Pure data: no widgets, serialisable to JSON for QSettings, so it can
// be tested and restored on its own. Every channel of the station is in exactly one panel; a panel is never
// empty (moving its last channel away removes it). Channels of one unit in a panel share a value axis
// (valueAxes); fixed ranges stay per channel, and the channels on a shared axis hold the same one
// (alignSharedAxisRanges), so each keeps the axis's range when it moves to a panel of its own.
#include "ChannelInfo.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QLoggingCategory>
#include <QStringList>

Q_DECLARE_LOGGING_CATEGORY(lcPlot)

class PlotLayout
{
public:
    struct ValueRange
    {
        double lower = 0.0;
        double upper = 0.0;
        bool operator==(const ValueRange &other) const
        {
            return lower == other.lower && upper == other.upper;
        }
    };
    // At most this many channels share a panel when combining related ones.
    static constexpr int maxCombined = 4;

    PlotLayout() = default;
    static PlotLayout onePanelPerChannel(const QList<ChannelInfo> &channels);
    // Channels that are read together share a panel: the same unit (feed_rate + base_rate, both mL/h) or a
    // known pair (biomass and its substrate: od + glucose). Panels keep the order of their first channel.
    static PlotLayout combineRelated(const QList<ChannelInfo> &channels);
    // The value axes of a panel holding these channels: channels of the same unit (as shown, DisplayUnit)
    // share one, a channel without a unit gets its own; each axis names its channels, the axes in the order
    // of their first channel.
    static QList<QStringList> valueAxes(const QList<ChannelInfo> &panelChannels);

    const QList<QStringList> &panels() const { return m_panels; }
    int panelCount() const { return int(m_panels.size()); }
    int panelOf(const QString &channel) const; // -1: not in the layout
    // Each returns false (and changes nothing) for an unknown channel or panel or when nothing would change.
    bool moveToPanel(const QString &channel, int panel);
    bool moveToNewPanel(const QString &channel); // right below its current panel
    bool combinePanels(int from, int into);      // every channel of `from` joins `into`

    bool hasManualRange(const QString &channel) const { return m_manualRanges.contains(channel); }
    ValueRange manualRange(const QString &channel) const { return m_manualRanges.value(channel); }
    bool setManualRange(const QString &channel, double lower,
                        double upper); // false: unknown, or not lower<upper
    void clearManualRange(const QString &channel) { m_manualRanges.remove(channel); }
    // Takes over the other layout's fixed ranges of channels this one has (a new arrangement keeps them).
    void copyManualRanges(const PlotLayout &other);
    // Makes the channels on each shared value axis agree (they disagree after a move or a preset, or in a
    // layout saved before axes were shared): a fixed range wins over autoscale, and of several fixed ranges
    // the one of the axis's first channel in panel order (a channel moved in comes last, so it takes over
    // the axis's range). False when nothing changed.
    bool alignSharedAxisRanges(const QList<ChannelInfo> &channels);

    QJsonObject toJson() const;
    // A saved layout made fit for the channels at hand: unknown channels are left out (with a warning in
    // *warnings and the log), duplicates kept once, channels the layout does not name get a panel of their
    // own at the end. A malformed object gives one panel per channel and a warning.
    static PlotLayout fromJson(const QJsonObject &json, const QList<ChannelInfo> &channels,
                               QStringList *warnings = nullptr);

    bool operator==(const PlotLayout &other) const
    {
        return m_panels == other.m_panels && m_manualRanges == other.m_manualRanges;
    }
    bool operator!=(const PlotLayout &other) const { return !(*this == other); }

private:
    QList<QStringList> m_panels;
    QHash<QString, ValueRange> m_manualRanges;
};
