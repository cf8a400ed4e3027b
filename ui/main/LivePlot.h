#pragma once
// Plots of every channel against time in stacked panels sharing one time axis, local time on the axis (data
// stays UTC). A panel holds one or more channels; channels of one unit share a value axis, the others have
// their own, each trace in its channel's colour (see PlotPanelBuilder); which channel sits in which panel is
// a PlotLayout the operator changes from the panel's context menu or View > Layout, saved per station
// (restoreLayout). Each redraw asks the SampleStore for the visible span in about two points per pixel (full
// resolution when it fits, min/max envelopes otherwise), so drawing costs the same for a minute or a month.
// Redraws happen on a 30 Hz timer and only when data or the visible span changed. Value axes autoscale to
// what is visible (a shared one to all its channels' lines), each on its own and never below a minimum span
// (ValueAxisScale), unless the operator fixed the axis's range (kept per channel in the PlotLayout, the same
// for every channel on a shared axis). Each panel names its channels in its top-left corner with their latest
// values (ChannelReadout), updated with the redraw; in a past run, the value at the right edge of the visible
// span.
//
// Mouse: drag pans, wheel zooms the time axis of every panel; the wheel over one value axis zooms only that
// axis (its channels keep that range until set back to autoscale). Keys: Left/Right pan, +/- (or Up/Down)
// zoom, End follows live. Moving the mouse shows the time and the values of every channel of the panel under
// it. Live mode follows the newest data; a past run is shown the same way with follow-live off.
#include "ChannelInfo.h"
#include "ChannelReadout.h"
#include "PlotLayout.h"
#include "PlotPanelBuilder.h"

#include <QHash>
#include <QTimer>
#include <QWidget>

#include <optional>

class QCPRange;
class QCustomPlot;
class QLabel;
class QMenu;
class PlotReadBack;
class SampleStore;

class LivePlot : public QWidget
{
    Q_OBJECT
public:
    LivePlot(SampleStore *store, const QList<ChannelInfo> &channels, QWidget *parent = nullptr);

    void setFollowLive(bool follow);
    bool followLive() const { return m_followLive; }
    // A past run: never follows live; shows everything until the operator zooms.
    void setLive(bool live);
    void setWindowSeconds(double seconds) { m_windowSeconds = seconds; }
    // Following live, this much room is left right of the newest data (for a forecast drawn there).
    void setLookaheadSeconds(double seconds) { m_lookaheadSeconds = seconds; }
    // The run file behind the store: zoomed into history the store only keeps as envelopes, the plot reads
    // the span back from it at full resolution (on the pool) and draws that once it arrives.
    void setRunFile(const QString &path);
    // The time axis span in UTC seconds since the epoch.
    void setTimeRange(double fromSec, double toSec);
    void showAll();
    void zoomBy(double factor);  // > 1 zooms out, about the middle
    void panBy(double fraction); // of the visible span; > 0 later
    int pointCount(const QString &channel) const;
    QString cursorText() const;
    // The channel's quality as the station sees it (Uncertain or Bad when it went quiet): the readout shows
    // the worse of this and the latest reading's quality.
    void setChannelQuality(const QString &channel, Quality quality);
    // The cursor line in every panel; the readout lists the channels of `panel` (-1: of every panel).
    void showCursorAt(double timeSec, int panel = -1);
    // Saves what is shown as PNG or PDF (by the file's suffix); false with the plot unchanged on failure.
    bool saveImage(const QString &path);

    QList<ChannelInfo> channels() const;
    const PlotLayout &plotLayout() const { return m_layout; }
    // Rebuilds the panels when they change (a range-only change just rescales); saved when a station is set.
    // False, with a warning and nothing changed, when the layout does not hold exactly the plot's channels.
    bool setPlotLayout(const PlotLayout &layout);
    // Shows the station's saved layout and saves every later change for it (PlotLayoutSettings).
    void restoreLayout(const QString &station);
    // Adds the "Layout" submenu (one panel per channel, combine related) to a window's menu.
    void addLayoutMenu(QMenu *menu);
    // The panel's context menu, as a right click opens it (the caller owns it).
    QMenu *createPanelMenu(int panel, QWidget *parent);

    QCustomPlot *plot() const { return m_plot; }
    int panelCount() const { return int(m_panels.size()); }
    QCPAxisRect *panelRect(int panel) const;              // null: no such panel
    QCPAxisRect *trackRect(const QString &channel) const; // the panel showing the channel; null: no such one
    QCPAxis *valueAxis(const QString &channel) const;
    // The channels drawn on the channel's value axis, itself included, in panel order (empty: no such one).
    QStringList axisChannels(const QString &channel) const;
    // Fixes the range of the channel's value axis, for every channel on it; no range: they autoscale again.
    void setAxisRange(const QString &channel, const std::optional<PlotLayout::ValueRange> &range);
    // A further graph on the channel's axes (a forecast's), carried along when the channel moves to another
    // panel; the plot owns it.
    QCPGraph *addOverlayGraph(const QString &channel);
    QCPAxis *timeAxis(const QString &channel) const;
    QCPGraph *graph(const QString &channel) const;
    // The channel's line in its panel's corner, as last redrawn ("Dissolved oxygen  31.2 %sat").
    QCPItemText *readout(const QString &channel) const;
    // In plot() coordinates: the panel there (-1: none) and the (first) channel whose value axis is there
    // (empty: none).
    int panelAt(const QPointF &pos) const;
    QString valueAxisChannelAt(const QPointF &pos) const;
    // Redraws now (the timer does this on its own; tests and benchmarks call it directly).
    void refresh();

Q_SIGNALS:
    void followLiveChanged(bool follow);
    void plotLayoutChanged();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Track
    {
        ChannelInfo info;
        QColor colour;
        int panel = -1;
        QCPAxis *value = nullptr;
        QCPGraph *graph = nullptr;
        QCPItemText *readout = nullptr;
        Quality liveQuality = Quality::Good;
    };
    // One value axis and the channels on it (several when they share a unit).
    struct AxisTrack
    {
        QCPAxis *axis = nullptr;
        QStringList channels;
        ChannelInfo scale; // what autoscaling fits to (ValueAxisScale::combined)
    };
    void rebuildPanels();
    void applyValueRanges();
    void autoscale(const AxisTrack &axis, const QCPRange &timeRange);
    // The reading a track's readout shows: the latest one live, the one at the right edge in a past run.
    std::optional<ChannelReadout::Value> shownValue(const QString &channel, const Track &track) const;
    void updateReadout(const QString &channel, const Track &track);
    void zoomValueAxis(const QString &channel, double steps, double atPixel);
    void followNewest();
    void onTimeRangeChanged(double lower, double upper);
    QCPRange timeRange() const;
    // Draws the run file's readings for the span when they are at hand, else asks for them; false when the
    // envelope has to do.
    bool useFullResolution(const QString &channel, Track &track, double from, double to, int maxPoints);

    SampleStore *m_store;
    QCustomPlot *m_plot;
    QLabel *m_readout;
    QCPMarginGroup *m_marginGroup;
    QHash<QString, Track> m_tracks;
    QList<AxisTrack> m_axes; // every panel's, top to bottom
    QStringList m_order;     // the station's channel order
    PlotLayout m_layout;
    QList<PlotPanel> m_panels;
    QString m_layoutStation; // empty: changes are not saved
    PlotReadBack *m_readBack;
    QTimer m_refreshTimer;
    std::uint64_t m_seenAppends = ~std::uint64_t(0);
    bool m_rangeDirty = true;
    bool m_followLive = true;
    bool m_live = true;
    bool m_settingRange = false;
    double m_windowSeconds = 600.0;
    double m_lookaheadSeconds = 0.0;
    double m_cursorSec = 0.0;
};
