#pragma once
// Plots of every channel against time: one stacked axis rect per channel sharing one time axis, local time
// on the axis (data stays UTC). Each redraw asks the SampleStore for the visible span in about two points per
// pixel (full resolution when it fits, min/max envelopes otherwise), so drawing costs the same for a minute
// or a month. Redraws happen on a 30 Hz timer and only when data or the visible span changed.
//
// Mouse: drag pans, wheel zooms the time axis. Keys: Left/Right pan, +/- (or Up/Down) zoom, End follows
// live. Moving the mouse shows the time and every channel's value under the cursor. Live mode follows the
// newest data; a past run is shown the same way with follow-live off (setLive(false)).
#include <QHash>
#include <QTimer>
#include <QWidget>

class QCustomPlot;
class QCPAxisRect;
class QCPGraph;
class QCPItemStraightLine;
class QCPMarginGroup;
class QLabel;
class SampleStore;
struct ChannelInfo;

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
    void setRunFile(const QString &path) { m_runFile = path; }
    // The time axis span in UTC seconds since the epoch.
    void setTimeRange(double fromSec, double toSec);
    void showAll();
    void zoomBy(double factor);  // > 1 zooms out, about the middle
    void panBy(double fraction); // of the visible span; > 0 later
    int pointCount(const QString &channel) const;
    QString cursorText() const;
    void showCursorAt(double timeSec);
    // Saves what is shown as PNG or PDF (by the file's suffix); false with the plot unchanged on failure.
    bool saveImage(const QString &path);
    QCustomPlot *plot() const { return m_plot; }
    QCPAxisRect *trackRect(const QString &channel) const
    {
        const auto it = m_tracks.constFind(channel);
        return it == m_tracks.cend() ? nullptr : it->rect; // null: no such channel
    }
    // Redraws now (the timer does this on its own; tests and benchmarks call it directly).
    void refresh();

Q_SIGNALS:
    void followLiveChanged(bool follow);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    struct Track
    {
        QCPAxisRect *rect;
        QCPGraph *graph;
        QCPItemStraightLine *cursor;
        QString unit;
        QString label;
        // Full-resolution readings read back from the run file for [fullFrom, fullTo].
        double fullFrom = 0, fullTo = 0;
        QVector<double> fullKeys, fullValues;
        int generation = 0; // of the newest request; older answers are dropped
        double requestedFrom = 0, requestedTo = 0;
    };
    void addTrack(const ChannelInfo &channel);
    void followNewest();
    void onTimeRangeChanged(double lower, double upper);
    // Draws the run file's readings for the span when they are at hand, else asks for them; false when the
    // envelope has to do.
    bool useFullResolution(const QString &channel, Track &track, double from, double to, int maxPoints);

    SampleStore *m_store;
    QCustomPlot *m_plot;
    QLabel *m_readout;
    QCPMarginGroup *m_marginGroup;
    QHash<QString, Track> m_tracks;
    QStringList m_order;
    QString m_runFile;
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
