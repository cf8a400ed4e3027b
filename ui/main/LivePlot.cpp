#include "LivePlot.h"

#include "ChannelInfo.h"
#include "RunRangeReader.h"
#include "SampleStore.h"

#include <QDateTime>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QKeyEvent>
#include <QLabel>
#include <QVBoxLayout>
#include <QtConcurrent>
#include <qcustomplot.h>

#include <cmath>

LivePlot::LivePlot(SampleStore *store, const QList<ChannelInfo> &channels, QWidget *parent)
    : QWidget(parent), m_store(store), m_plot(new QCustomPlot(this)), m_readout(new QLabel(this)),
      m_marginGroup(new QCPMarginGroup(m_plot))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_plot, 1);
    m_readout->setTextFormat(Qt::PlainText);
    m_readout->setContentsMargins(6, 2, 6, 2);
    layout->addWidget(m_readout);
    setFocusPolicy(Qt::StrongFocus);
    m_plot->setFocusPolicy(Qt::NoFocus); // keys come to this widget
    m_plot->plotLayout()->clear();
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->setNoAntialiasingOnDrag(true);
    for (const ChannelInfo &channel : channels)
        addTrack(channel);
    // Dragging or zooming a time axis means the operator is looking at something: stop following.
    connect(m_plot, &QCustomPlot::mousePress, this, [this] { setFollowLive(false); });
    connect(m_plot, &QCustomPlot::mouseWheel, this, [this] { setFollowLive(false); });
    connect(m_plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent *event) {
        if (!m_order.isEmpty())
            showCursorAt(m_tracks.value(m_order.first())
                             .rect->axis(QCPAxis::atBottom)
                             ->pixelToCoord(event->position().x()));
    });
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
    ticker->setDateTimeFormat(QStringLiteral("dd.MM. HH:mm:ss"));
    ticker->setDateTimeSpec(Qt::LocalTime);
    QCPAxis *time = rect->axis(QCPAxis::atBottom);
    time->setTicker(ticker);
    time->setTickLabels(false);
    QCPAxis *value = rect->axis(QCPAxis::atLeft);
    value->setLabel(QStringLiteral("%1\n[%2]").arg(channel.label, channel.unit));
    value->setRange(channel.minimum, channel.maximum);
    auto *graph = m_plot->addGraph(time, value);
    graph->setName(channel.label);
    graph->setAdaptiveSampling(false); // the store already hands over about two points per pixel
    // A cosmetic 1 px pen: wide pens make QPainter stroke the dense min/max zigzag of an envelope, 10x
    // slower.
    graph->setPen(QPen(QColor::fromHsv(int(m_tracks.size()) * 37 % 360, 200, 180), 0));
    auto *cursor = new QCPItemStraightLine(m_plot);
    cursor->setClipAxisRect(rect);
    for (QCPItemPosition *position : {cursor->point1, cursor->point2})
        position->setAxes(time, value);
    cursor->setPen(QPen(QColor(120, 120, 120), 1, Qt::DashLine));
    cursor->setVisible(false);
    Track track;
    track.rect = rect;
    track.graph = graph;
    track.cursor = cursor;
    track.unit = channel.unit;
    track.label = channel.label;
    m_tracks.insert(channel.name, track);
    m_order.append(channel.name);
    // Time axes move together; only the lowest track (the last one added so far) shows time labels.
    connect(time, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this,
            [this](const QCPRange &range) { onTimeRangeChanged(range.lower, range.upper); });
    for (const Track &track : std::as_const(m_tracks))
        track.rect->axis(QCPAxis::atBottom)->setTickLabels(track.rect == rect);
}

void LivePlot::onTimeRangeChanged(double lower, double upper)
{
    m_rangeDirty = true;
    if (m_settingRange)
        return;
    m_settingRange = true;
    for (const Track &track : std::as_const(m_tracks))
        track.rect->axis(QCPAxis::atBottom)->setRange(lower, upper);
    m_settingRange = false;
}

void LivePlot::setFollowLive(bool follow)
{
    follow = follow && m_live;
    if (follow == m_followLive)
        return;
    m_followLive = follow;
    Q_EMIT followLiveChanged(follow);
    refresh();
}

void LivePlot::setLive(bool live)
{
    m_live = live;
    if (!live) {
        setFollowLive(false);
        showAll();
    }
}

void LivePlot::setTimeRange(double fromSec, double toSec)
{
    if (!(toSec > fromSec) || m_order.isEmpty())
        return;
    m_tracks.value(m_order.first()).rect->axis(QCPAxis::atBottom)->setRange(fromSec, toSec);
    refresh();
}

void LivePlot::showAll()
{
    double from = std::numeric_limits<double>::max(), to = std::numeric_limits<double>::lowest();
    for (const QString &channel : std::as_const(m_order)) {
        double first = 0, last = 0;
        if (m_store->timeSpan(channel, &first, &last)) {
            from = std::min(from, first);
            to = std::max(to, last);
        }
    }
    if (to > from)
        setTimeRange(from - (to - from) * 0.01, to + (to - from) * 0.01);
}

void LivePlot::zoomBy(double factor)
{
    if (m_order.isEmpty())
        return;
    setFollowLive(false);
    const QCPRange range = m_tracks.value(m_order.first()).rect->axis(QCPAxis::atBottom)->range();
    const double half = range.size() * factor / 2;
    setTimeRange(range.center() - half, range.center() + half);
}

void LivePlot::panBy(double fraction)
{
    if (m_order.isEmpty())
        return;
    setFollowLive(false);
    const QCPRange range = m_tracks.value(m_order.first()).rect->axis(QCPAxis::atBottom)->range();
    const double shift = range.size() * fraction;
    setTimeRange(range.lower + shift, range.upper + shift);
}

void LivePlot::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Left:
        panBy(-0.2);
        break;
    case Qt::Key_Right:
        panBy(0.2);
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
    case Qt::Key_Up:
        zoomBy(0.5);
        break;
    case Qt::Key_Minus:
    case Qt::Key_Down:
        zoomBy(2.0);
        break;
    case Qt::Key_End:
        setFollowLive(true);
        break;
    case Qt::Key_Home:
        setFollowLive(false);
        showAll();
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

int LivePlot::pointCount(const QString &channel) const
{
    const auto it = m_tracks.constFind(channel);
    return it == m_tracks.cend() ? 0 : it->graph->dataCount();
}

void LivePlot::showCursorAt(double timeSec)
{
    m_cursorSec = timeSec;
    QStringList parts{QDateTime::fromMSecsSinceEpoch(qint64(timeSec * 1000))
                          .toLocalTime()
                          .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"))};
    for (const QString &channel : std::as_const(m_order)) {
        const Track &track = m_tracks[channel];
        track.cursor->point1->setCoords(timeSec, 0);
        track.cursor->point2->setCoords(timeSec, 1);
        track.cursor->setVisible(true);
        // The drawn point nearest the cursor (an envelope point when zoomed out).
        const QSharedPointer<QCPGraphDataContainer> data = track.graph->data();
        if (data->isEmpty())
            continue;
        auto it = data->findBegin(timeSec, false);
        if (it != data->constBegin() &&
            (it == data->constEnd() || std::abs(std::prev(it)->key - timeSec) < std::abs(it->key - timeSec)))
            --it;
        if (it != data->constEnd() && !std::isnan(it->value))
            parts << tr("%1 %2 %3").arg(track.label).arg(it->value, 0, 'g', 6).arg(track.unit);
    }
    m_readout->setText(parts.join(QStringLiteral("   ")));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QString LivePlot::cursorText() const
{
    return m_readout->text();
}

bool LivePlot::saveImage(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("pdf"))
        return m_plot->savePdf(path);
    if (suffix == QLatin1String("png"))
        return m_plot->savePng(path);
    return false;
}

void LivePlot::followNewest()
{
    // Show the last window of data, or everything since the first point while there is less than that.
    double newest = std::numeric_limits<double>::lowest(), earliest = std::numeric_limits<double>::max();
    for (const QString &channel : std::as_const(m_order)) {
        double first = 0, last = 0;
        if (m_store->timeSpan(channel, &first, &last)) {
            earliest = std::min(earliest, first);
            newest = std::max(newest, last);
        }
    }
    const double now = std::max(newest, QDateTime::currentMSecsSinceEpoch() / 1000.0);
    if (earliest > now)
        earliest = now;
    const double from = std::max(now - m_windowSeconds, std::min(earliest, now - 30.0));
    m_settingRange = true;
    for (const Track &track : std::as_const(m_tracks))
        track.rect->axis(QCPAxis::atBottom)
            ->setRange(from, now + std::max((now - from) * 0.02, m_lookaheadSeconds));
    m_settingRange = false;
}

bool LivePlot::useFullResolution(const QString &channel, Track &track, double from, double to, int maxPoints)
{
    if (m_runFile.isEmpty() || m_store->estimatedReadings(channel, from, to) > std::size_t(maxPoints))
        return false;
    if (!track.fullKeys.isEmpty() && track.fullFrom <= from && track.fullTo >= to) {
        track.graph->setData(track.fullKeys, track.fullValues, true);
        return true;
    }
    if (track.requestedFrom == from && track.requestedTo == to)
        return false; // asked already; the envelope until the answer comes
    track.requestedFrom = from;
    track.requestedTo = to;
    const int generation = ++track.generation;
    auto *watcher = new QFutureWatcher<RunRangeReader::Result>(this);
    connect(watcher, &QFutureWatcher<RunRangeReader::Result>::finished, this,
            [this, watcher, channel, generation, from, to] {
                watcher->deleteLater();
                const RunRangeReader::Result result = watcher->result();
                auto it = m_tracks.find(channel);
                if (it == m_tracks.end() || it->generation != generation || !result.error.isEmpty() ||
                    result.tooMany)
                    return;
                it->fullFrom = from;
                it->fullTo = to;
                it->fullKeys = result.keys;
                it->fullValues = result.values;
                m_rangeDirty = true;
            });
    watcher->setFuture(QtConcurrent::run(RunRangeReader::read, m_runFile, channel, from, to, maxPoints));
    return false;
}

void LivePlot::refresh()
{
    const std::uint64_t appends = m_store->appendedTotal();
    if (appends == m_seenAppends && !m_rangeDirty && !m_followLive)
        return;
    m_seenAppends = appends;
    m_rangeDirty = false;
    if (m_followLive)
        followNewest();
    QVector<double> keys, values;
    for (auto it = m_tracks.begin(); it != m_tracks.end(); ++it) {
        QCPAxis *time = it->rect->axis(QCPAxis::atBottom);
        const int pixels = std::max(64, time->axisRect()->width());
        const int level = m_store->plotPoints(it.key(), time->range().lower, time->range().upper, 2 * pixels,
                                              &keys, &values);
        if (level == 0 ||
            !useFullResolution(it.key(), *it, time->range().lower, time->range().upper, 2 * pixels))
            it->graph->setData(keys, values, true);
        if (m_followLive) {
            bool found = false;
            QCPRange range = it->graph->getValueRange(found, QCP::sdBoth, time->range());
            // Other lines on the track (a forecast's mean) stay in view; pen-less fills (its band) may clip.
            for (QCPGraph *other : it->rect->graphs()) {
                bool otherFound = false;
                const QCPRange otherRange = other->getValueRange(otherFound, QCP::sdBoth, time->range());
                if (other != it->graph && other->pen().style() != Qt::NoPen && otherFound) {
                    range = found ? QCPRange(std::min(range.lower, otherRange.lower),
                                             std::max(range.upper, otherRange.upper))
                                  : otherRange;
                    found = true;
                }
            }
            if (found) {
                const double pad =
                    std::max(range.size() * 0.1, std::max(1e-3, std::abs(range.center()) * 1e-3));
                it->rect->axis(QCPAxis::atLeft)->setRange(range.lower - pad, range.upper + pad);
            }
        }
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}
