#pragma once
// Live plots of every channel against time: one stacked axis rect per channel sharing one time axis, local
// time on the axis (data stays UTC). New points are taken from the SampleStore and the plot is redrawn on a
// 30 Hz timer, only when something changed: never once per sample.
#include <QHash>
#include <QTimer>
#include <QWidget>

class QCustomPlot;
class QCPAxisRect;
class QCPGraph;
class QCPMarginGroup;
class SampleStore;
struct ChannelInfo;

class LivePlot : public QWidget
{
    Q_OBJECT
public:
    LivePlot(SampleStore *store, const QList<ChannelInfo> &channels, QWidget *parent = nullptr);

    void setFollowLive(bool follow);
    bool followLive() const { return m_followLive; }
    void setWindowSeconds(double seconds) { m_windowSeconds = seconds; }
    int pointCount(const QString &channel) const;
    QCustomPlot *plot() const { return m_plot; }

Q_SIGNALS:
    void followLiveChanged(bool follow);

private:
    struct Track
    {
        QCPAxisRect *rect;
        QCPGraph *graph;
        double lastTime;
    };
    void addTrack(const ChannelInfo &channel);
    void refresh();

    SampleStore *m_store;
    QCustomPlot *m_plot;
    QCPMarginGroup *m_marginGroup;
    QHash<QString, Track> m_tracks;
    QTimer m_refreshTimer;
    std::uint64_t m_seenAppends = 0;
    bool m_followLive = true;
    double m_windowSeconds = 600.0;
};
