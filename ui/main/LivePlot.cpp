#include "LivePlot.h"

#include "ChannelInfo.h"
#include "SampleStore.h"

#include <QDateTime>
#include <QVBoxLayout>
#include <qcustomplot.h>

LivePlot::LivePlot(SampleStore *store, const QList<ChannelInfo> &channels, QWidget *parent)
    : QWidget(parent), m_store(store), m_plot(new QCustomPlot(this)),
      m_marginGroup(new QCPMarginGroup(m_plot))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->plotLayout()->clear();
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->setNoAntialiasingOnDrag(true);
    for (const ChannelInfo &channel : channels)
        addTrack(channel);
    // Dragging or zooming a time axis means the operator is looking at something: stop following.
    for (const Track &track : std::as_const(m_tracks)) {
        connect(track.rect->axis(QCPAxis::atBottom), qOverload<const QCPRange &>(&QCPAxis::rangeChanged),
                this, [this](const QCPRange &range) {
                    for (const Track &other : std::as_const(m_tracks))
                        other.rect->axis(QCPAxis::atBottom)->setRange(range);
                });
    }
    connect(m_plot, &QCustomPlot::mousePress, this, [this] { setFollowLive(false); });
    connect(m_plot, &QCustomPlot::mouseWheel, this, [this] { setFollowLive(false); });
    m_refreshTimer.setInterval(33);
    connect(&m_refreshTimer, &QTimer::timeout, this, &LivePlot::refresh);
    m_refreshTimer.start();
}

void LivePlot::addTrack(const ChannelInfo &channel)
{
    auto *rect = new QCPAxisRect(m_plot);
    m_plot->plotLayout()->addElement(m_plot->plotLayout()->rowCount(), 0, rect);
    rect->setRangeDrag(Qt::Horizontal);
    rect->setRangeZoom(Qt::Horizontal);
    rect->setMarginGroup(QCP::msLeft | QCP::msRight, m_marginGroup);
    rect->setMinimumMargins(QMargins(10, 2, 10, 2));
    QSharedPointer<QCPAxisTickerDateTime> ticker(new QCPAxisTickerDateTime);
    ticker->setDateTimeFormat(QStringLiteral("HH:mm:ss"));
    ticker->setDateTimeSpec(Qt::LocalTime);
    QCPAxis *time = rect->axis(QCPAxis::atBottom);
    time->setTicker(ticker);
    time->setTickLabels(false);
    QCPAxis *value = rect->axis(QCPAxis::atLeft);
    value->setLabel(QStringLiteral("%1\n[%2]").arg(channel.label, channel.unit));
    value->setRange(channel.minimum, channel.maximum);
    auto *graph = m_plot->addGraph(time, value);
    graph->setName(channel.label);
    graph->setPen(QPen(QColor::fromHsv(int(m_tracks.size()) * 37 % 360, 200, 180), 1.5));
    m_tracks.insert(channel.name, Track{rect, graph, -1.0});
    // Only the lowest track shows time labels; it is the last one added so far.
    for (const Track &track : std::as_const(m_tracks))
        track.rect->axis(QCPAxis::atBottom)->setTickLabels(track.rect == rect);
}

void LivePlot::setFollowLive(bool follow)
{
    if (follow == m_followLive)
        return;
    m_followLive = follow;
    Q_EMIT followLiveChanged(follow);
    refresh();
}

int LivePlot::pointCount(const QString &channel) const
{
    const auto it = m_tracks.constFind(channel);
    return it == m_tracks.cend() ? 0 : it->graph->dataCount();
}

void LivePlot::refresh()
{
    const std::uint64_t appends = m_store->appendedTotal();
    if (appends == m_seenAppends && !m_followLive)
        return;
    m_seenAppends = appends;
    for (auto it = m_tracks.begin(); it != m_tracks.end(); ++it) {
        const std::deque<SeriesPoint> &series = m_store->series(it.key());
        if (series.empty())
            continue;
        // Walk back from the newest point to the first one the graph already has; add only those.
        auto first = series.end();
        while (first != series.begin() && std::prev(first)->timeSec > it->lastTime)
            --first;
        QVector<double> keys, values;
        for (auto p = first; p != series.end(); ++p) {
            keys.append(p->timeSec);
            values.append(p->quality == Quality::Bad ? qQNaN() : p->value);
        }
        if (!keys.isEmpty()) {
            it->graph->addData(keys, values, true);
            it->lastTime = keys.constLast();
        }
        it->graph->data()->removeBefore(series.front().timeSec);
    }
    if (m_followLive) {
        // Show the last window of data, or everything since the first point while there is less than that.
        const double now = QDateTime::currentMSecsSinceEpoch() / 1000.0;
        double earliest = now;
        for (const Track &track : std::as_const(m_tracks))
            if (!track.graph->data()->isEmpty())
                earliest = std::min(earliest, track.graph->data()->constBegin()->key);
        const double from = std::max(now - m_windowSeconds, std::min(earliest, now - 30.0));
        const double to = now + (now - from) * 0.02;
        for (Track &track : m_tracks) {
            track.rect->axis(QCPAxis::atBottom)->setRange(from, to);
            bool found = false;
            const QCPRange values =
                track.graph->getValueRange(found, QCP::sdBoth, track.rect->axis(QCPAxis::atBottom)->range());
            if (found) {
                const double pad =
                    std::max(values.size() * 0.1, std::max(1e-3, std::abs(values.center()) * 1e-3));
                track.rect->axis(QCPAxis::atLeft)->setRange(values.lower - pad, values.upper + pad);
            }
        }
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}
