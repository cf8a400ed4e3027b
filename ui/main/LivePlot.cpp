#include "LivePlot.h"

#include "PlotLayoutSettings.h"
#include "PlotMenus.h"
#include "PlotReadBack.h"
#include "SampleStore.h"
#include "ValueAxisScale.h"

#include <QDateTime>
#include <QFileInfo>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <cmath>

namespace {
// The dynamic property naming the channel an overlay graph belongs to (addOverlayGraph).
constexpr char overlayChannel[] = "reactordesk.overlayChannel";
} // namespace

LivePlot::LivePlot(SampleStore *store, const QList<ChannelInfo> &channels, QWidget *parent)
    : QWidget(parent), m_store(store), m_plot(new QCustomPlot(this)), m_readout(new QLabel(this)),
      m_marginGroup(new QCPMarginGroup(m_plot)), m_readBack(new PlotReadBack(this))
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
    m_plot->installEventFilter(this); // the wheel over a value axis
    for (const ChannelInfo &channel : channels) {
        Track track;
        track.info = channel;
        track.colour = PlotPanelBuilder::channelColour(int(m_order.size()));
        m_tracks.insert(channel.name, track);
        m_order.append(channel.name);
    }
    m_layout = PlotLayout::onePanelPerChannel(channels);
    rebuildPanels();
    // Dragging or zooming a time axis means the operator is looking at something: stop following.
    connect(m_plot, &QCustomPlot::mousePress, this, [this](QMouseEvent *event) {
        if (event->button() == Qt::LeftButton)
            setFollowLive(false);
    });
    connect(m_plot, &QCustomPlot::mouseWheel, this, [this] { setFollowLive(false); });
    connect(m_plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent *event) {
        if (!m_panels.isEmpty())
            showCursorAt(m_panels.first().time->pixelToCoord(event->position().x()),
                         panelAt(event->position()));
    });
    m_plot->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_plot, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const int panel = panelAt(pos);
        if (panel < 0)
            return;
        QMenu *menu = createPanelMenu(panel, this);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(m_plot->mapToGlobal(pos));
    });
    connect(m_readBack, &PlotReadBack::arrived, this, [this] { m_rangeDirty = true; });
    m_refreshTimer.setInterval(33);
    connect(&m_refreshTimer, &QTimer::timeout, this, &LivePlot::refresh);
    m_refreshTimer.start();
}

void LivePlot::setRunFile(const QString &path)
{
    m_readBack->setRunFile(path);
}

QList<ChannelInfo> LivePlot::channels() const
{
    QList<ChannelInfo> infos;
    for (const QString &channel : m_order)
        infos << m_tracks[channel].info;
    return infos;
}

bool LivePlot::setPlotLayout(const PlotLayout &layout)
{
    QStringList named;
    for (const QStringList &panel : layout.panels())
        named += panel;
    if (named.size() != m_order.size() ||
        QSet<QString>(named.cbegin(), named.cend()) != QSet<QString>(m_order.cbegin(), m_order.cend())) {
        qCWarning(lcPlot) << "plot layout" << layout.panels() << "does not hold the plot's channels"
                          << m_order;
        return false;
    }
    // Channels that end up on one axis (moved in, a preset, an older saved layout) agree on its range.
    PlotLayout aligned = layout;
    aligned.alignSharedAxisRanges(channels());
    if (aligned == m_layout)
        return true;
    const bool panelsChanged = aligned.panels() != m_layout.panels();
    m_layout = aligned;
    if (panelsChanged)
        rebuildPanels();
    else
        applyValueRanges();
    if (!m_layoutStation.isEmpty())
        PlotLayoutSettings::save(m_layoutStation, m_layout);
    Q_EMIT plotLayoutChanged();
    return true;
}

void LivePlot::restoreLayout(const QString &station)
{
    m_layoutStation.clear(); // nothing to save while restoring what is saved
    setPlotLayout(PlotLayoutSettings::load(station, channels()));
    m_layoutStation = station;
}

void LivePlot::addLayoutMenu(QMenu *menu)
{
    PlotMenus::addLayoutMenu(menu, this);
}

QMenu *LivePlot::createPanelMenu(int panel, QWidget *parent)
{
    return PlotMenus::createPanelMenu(this, panel, parent);
}

void LivePlot::rebuildPanels()
{
    const bool hadPanels = !m_panels.isEmpty();
    const QCPRange shown = hadPanels ? timeRange() : QCPRange();
    // Overlay graphs (the forecast's) move with their channel to its new axes.
    QList<QPair<QCPGraph *, QString>> carried;
    for (int i = 0; i < m_plot->graphCount(); ++i) {
        QCPGraph *other = m_plot->graph(i);
        const QString channel = other->property(overlayChannel).toString();
        if (!channel.isEmpty())
            carried.append({other, channel});
    }
    for (const PlotPanel &panel : std::as_const(m_panels))
        PlotPanelBuilder::removeGraphsAndItems(m_plot, panel);
    m_panels.clear();
    m_axes.clear();
    m_plot->plotLayout()->clear(); // deletes the old rects and their axes
    for (const QStringList &names : m_layout.panels()) {
        QList<ChannelInfo> infos;
        QList<QColor> colours;
        for (const QString &name : names) {
            infos << m_tracks[name].info;
            colours << m_tracks[name].colour;
        }
        const int row = int(m_panels.size());
        const PlotPanel panel = PlotPanelBuilder::build(m_plot, m_marginGroup, row, infos, colours);
        for (int i = 0; i < names.size(); ++i) {
            Track &track = m_tracks[names.at(i)];
            track.panel = row;
            track.value = panel.valueAxes.at(i);
            track.graph = panel.graphs.at(i);
            track.readout = panel.readouts.at(i);
        }
        for (const QStringList &onAxis : PlotLayout::valueAxes(infos)) {
            QList<ChannelInfo> members;
            for (const QString &name : onAxis)
                members << m_tracks[name].info;
            m_axes.append(
                AxisTrack{m_tracks[onAxis.first()].value, onAxis, ValueAxisScale::combined(members)});
        }
        // Time axes move together; only the lowest panel shows time labels.
        panel.time->setTickLabels(row == m_layout.panelCount() - 1);
        connect(panel.time, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this,
                [this](const QCPRange &range) { onTimeRangeChanged(range.lower, range.upper); });
        m_panels.append(panel);
    }
    for (const auto &[graph, channel] : std::as_const(carried)) {
        graph->setKeyAxis(timeAxis(channel));
        graph->setValueAxis(valueAxis(channel));
    }
    if (hadPanels) {
        m_settingRange = true;
        for (const PlotPanel &panel : std::as_const(m_panels))
            panel.time->setRange(shown);
        m_settingRange = false;
    }
    applyValueRanges();
    m_rangeDirty = true;
    refresh();
}

void LivePlot::applyValueRanges()
{
    // The channels on an axis hold the same fixed range, or none (PlotLayout::alignSharedAxisRanges).
    for (const AxisTrack &axis : std::as_const(m_axes)) {
        if (m_layout.hasManualRange(axis.channels.first())) {
            const PlotLayout::ValueRange range = m_layout.manualRange(axis.channels.first());
            axis.axis->setRange(range.lower, range.upper);
        } else {
            autoscale(axis, timeRange());
        }
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QCPAxisRect *LivePlot::panelRect(int panel) const
{
    return panel >= 0 && panel < m_panels.size() ? m_panels.at(panel).rect : nullptr;
}

QCPAxisRect *LivePlot::trackRect(const QString &channel) const
{
    const auto it = m_tracks.constFind(channel);
    return it == m_tracks.cend() ? nullptr : panelRect(it->panel);
}

QCPAxis *LivePlot::valueAxis(const QString &channel) const
{
    const auto it = m_tracks.constFind(channel);
    return it == m_tracks.cend() ? nullptr : it->value;
}

QStringList LivePlot::axisChannels(const QString &channel) const
{
    for (const AxisTrack &axis : m_axes)
        if (axis.channels.contains(channel))
            return axis.channels;
    return QStringList();
}

void LivePlot::setAxisRange(const QString &channel, const std::optional<PlotLayout::ValueRange> &range)
{
    PlotLayout layout = m_layout;
    for (const QString &onAxis : axisChannels(channel)) {
        if (range)
            layout.setManualRange(onAxis, range->lower, range->upper);
        else
            layout.clearManualRange(onAxis);
    }
    setPlotLayout(layout);
}

QCPGraph *LivePlot::addOverlayGraph(const QString &channel)
{
    if (!m_tracks.contains(channel))
        return nullptr;
    QCPGraph *overlay = m_plot->addGraph(timeAxis(channel), valueAxis(channel));
    overlay->setProperty(overlayChannel, channel);
    return overlay;
}

QCPAxis *LivePlot::timeAxis(const QString &channel) const
{
    const auto it = m_tracks.constFind(channel);
    return it == m_tracks.cend() || it->panel < 0 ? nullptr : m_panels.at(it->panel).time;
}

QCPGraph *LivePlot::graph(const QString &channel) const
{
    const auto it = m_tracks.constFind(channel);
    return it == m_tracks.cend() ? nullptr : it->graph;
}

QCPItemText *LivePlot::readout(const QString &channel) const
{
    const auto it = m_tracks.constFind(channel);
    return it == m_tracks.cend() ? nullptr : it->readout;
}

int LivePlot::panelAt(const QPointF &pos) const
{
    for (int panel = 0; panel < m_panels.size(); ++panel)
        if (m_panels.at(panel).rect->outerRect().contains(pos.toPoint()))
            return panel;
    return -1;
}

QString LivePlot::valueAxisChannelAt(const QPointF &pos) const
{
    const int panel = panelAt(pos);
    if (panel < 0)
        return QString();
    // The axis line, its tick labels and its label, as last drawn.
    for (const AxisTrack &axis : m_axes)
        if (axis.axis->axisRect() == m_panels.at(panel).rect && axis.axis->selectTest(pos, false) >= 0)
            return axis.channels.first();
    return QString();
}

bool LivePlot::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_plot && event->type() == QEvent::Wheel) {
        auto *wheel = static_cast<QWheelEvent *>(event);
        const QString channel = valueAxisChannelAt(wheel->position());
        if (!channel.isEmpty()) {
            zoomValueAxis(channel, wheel->angleDelta().y() / 120.0, wheel->position().y());
            return true; // not the time axis too
        }
    }
    return QWidget::eventFilter(watched, event);
}

void LivePlot::zoomValueAxis(const QString &channel, double steps, double atPixel)
{
    QCPAxis *axis = valueAxis(channel);
    QCPAxisRect *rect = trackRect(channel);
    if (!axis || steps == 0)
        return;
    // The same factor per wheel step as the time axis; the axis's channels keep the range until autoscaled
    // again.
    axis->scaleRange(std::pow(rect->rangeZoomFactor(Qt::Vertical), steps), axis->pixelToCoord(atPixel));
    setAxisRange(channel, PlotLayout::ValueRange{axis->range().lower, axis->range().upper});
}

QCPRange LivePlot::timeRange() const
{
    return m_panels.isEmpty() ? QCPRange() : m_panels.first().time->range();
}

void LivePlot::onTimeRangeChanged(double lower, double upper)
{
    m_rangeDirty = true;
    // Only the lowest panel shows time labels; this runs once per panel for every range change, at 30 Hz
    // while following live, so the format is set only when the span crosses into another one.
    if (!m_panels.isEmpty()) {
        auto ticker = qSharedPointerCast<QCPAxisTickerDateTime>(m_panels.last().time->ticker());
        const QString format = PlotPanelBuilder::timeLabelFormat(upper - lower);
        if (ticker->dateTimeFormat() != format)
            ticker->setDateTimeFormat(format);
    }
    if (m_settingRange)
        return;
    m_settingRange = true;
    for (const PlotPanel &panel : std::as_const(m_panels))
        panel.time->setRange(lower, upper);
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
    m_rangeDirty = true; // the readouts change from the latest values to those at the right edge
    if (!live) {
        setFollowLive(false);
        showAll();
    }
}

void LivePlot::setTimeRange(double fromSec, double toSec)
{
    if (!(toSec > fromSec) || m_panels.isEmpty())
        return;
    m_panels.first().time->setRange(fromSec, toSec);
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
    if (m_panels.isEmpty())
        return;
    setFollowLive(false);
    const QCPRange range = timeRange();
    const double half = range.size() * factor / 2;
    setTimeRange(range.center() - half, range.center() + half);
}

void LivePlot::panBy(double fraction)
{
    if (m_panels.isEmpty())
        return;
    setFollowLive(false);
    const QCPRange range = timeRange();
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
    const QCPGraph *shown = graph(channel);
    return shown ? shown->dataCount() : 0;
}

void LivePlot::showCursorAt(double timeSec, int panel)
{
    m_cursorSec = timeSec;
    QStringList parts{QDateTime::fromMSecsSinceEpoch(qint64(timeSec * 1000))
                          .toLocalTime()
                          .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"))};
    for (int index = 0; index < m_panels.size(); ++index) {
        const PlotPanel &shown = m_panels.at(index);
        shown.cursor->point1->setCoords(timeSec, 0);
        shown.cursor->point2->setCoords(timeSec, 1);
        shown.cursor->setVisible(true);
        if (panel >= 0 && index != panel)
            continue;
        for (const QString &channel : shown.channels) {
            const Track &track = m_tracks[channel];
            // The drawn point nearest the cursor (an envelope point when zoomed out).
            const QSharedPointer<QCPGraphDataContainer> data = track.graph->data();
            if (data->isEmpty())
                continue;
            auto it = data->findBegin(timeSec, false);
            if (it != data->constBegin() &&
                (it == data->constEnd() ||
                 std::abs(std::prev(it)->key - timeSec) < std::abs(it->key - timeSec)))
                --it;
            if (it != data->constEnd() && !std::isnan(it->value))
                parts << tr("%1 %2 %3")
                             .arg(track.info.label)
                             .arg(it->value, 0, 'g', 6)
                             .arg(ChannelReadout::unitText(track.info))
                             .trimmed();
        }
    }
    m_readout->setText(parts.join(QStringLiteral("   ")));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QString LivePlot::cursorText() const
{
    return m_readout->text();
}

void LivePlot::setChannelQuality(const QString &channel, Quality quality)
{
    const auto it = m_tracks.find(channel);
    if (it == m_tracks.end() || it->liveQuality == quality)
        return;
    it->liveQuality = quality;
    m_rangeDirty = true; // the next redraw updates the readout
}

std::optional<ChannelReadout::Value> LivePlot::shownValue(const QString &channel, const Track &track) const
{
    const std::deque<SeriesPoint> &series = m_store->series(channel);
    if (m_live) {
        if (series.empty())
            return std::nullopt;
        return ChannelReadout::Value{series.back().value, std::max(series.back().quality, track.liveQuality)};
    }
    // A past run: the last reading at or before the right edge, if the store still has it at full
    // resolution (older history is kept as envelopes only; the cursor readout has values there).
    const double edge = timeRange().upper;
    const auto after = std::upper_bound(series.cbegin(), series.cend(), edge,
                                        [](double t, const SeriesPoint &p) { return t < p.timeSec; });
    if (after == series.cbegin())
        return std::nullopt;
    return ChannelReadout::Value{std::prev(after)->value, std::prev(after)->quality};
}

void LivePlot::updateReadout(const QString &channel, const Track &track)
{
    const std::optional<ChannelReadout::Value> shown = shownValue(channel, track);
    const int decimals = ValueAxisScale::decimalsFor(shown ? shown->value : 0.0, track.value->range().size());
    track.readout->setText(ChannelReadout::line(track.info, shown, decimals, m_live));
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
    // Room for the forecast, but never more than the history shown: early in a run a 3 min forecast would
    // otherwise squeeze the first minute of data into a quarter of the width.
    const double ahead = std::min(m_lookaheadSeconds, std::max(now - from, 60.0));
    m_settingRange = true;
    for (const PlotPanel &panel : std::as_const(m_panels))
        panel.time->setRange(from, now + std::max((now - from) * 0.02, ahead));
    m_settingRange = false;
}

bool LivePlot::useFullResolution(const QString &channel, Track &track, double from, double to, int maxPoints)
{
    if (!m_readBack->hasRunFile() || m_store->estimatedReadings(channel, from, to) > std::size_t(maxPoints))
        return false;
    const PlotReadBack::Span *span = m_readBack->readings(channel, from, to, maxPoints);
    if (span)
        track.graph->setData(span->keys, span->values, true);
    return span != nullptr;
}

void LivePlot::autoscale(const AxisTrack &axis, const QCPRange &timeRange)
{
    // Every line on the axis (each of its channels', a forecast's mean) stays in view; pen-less fills (the
    // forecast's band) widen the axis only so far (ValueAxisScale::withBand) and clip beyond.
    std::optional<QCPRange> lines, bands;
    for (QCPGraph *shown : axis.axis->graphs()) {
        bool found = false;
        const QCPRange range = shown->getValueRange(found, QCP::sdBoth, timeRange);
        if (!found)
            continue;
        std::optional<QCPRange> &into = shown->pen().style() == Qt::NoPen ? bands : lines;
        into =
            into ? QCPRange(std::min(into->lower, range.lower), std::max(into->upper, range.upper)) : range;
    }
    if (!lines)
        return;
    ValueAxisScale::Range fitted = ValueAxisScale::fit(lines->lower, lines->upper, axis.scale);
    if (bands)
        fitted = ValueAxisScale::withBand(fitted, bands->lower, bands->upper);
    axis.axis->setRange(fitted.lower, fitted.upper);
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
    const QCPRange shown = timeRange();
    QVector<double> keys, values;
    for (auto it = m_tracks.begin(); it != m_tracks.end(); ++it) {
        const int pixels = std::max(64, m_panels.at(it->panel).rect->width());
        const int level = m_store->plotPoints(it.key(), shown.lower, shown.upper, 2 * pixels, &keys, &values);
        if (level == 0 || !useFullResolution(it.key(), *it, shown.lower, shown.upper, 2 * pixels))
            it->graph->setData(keys, values, true);
        // Antialiasing only pays when points are far apart: on a dense min/max zigzag it cannot be seen and
        // costs most of the replot (4 channels x 1 M readings on one panel: 13-16 ms with it, 4-7 ms
        // without).
        it->graph->setAntialiased(it->graph->dataCount() * 4 < pixels);
    }
    // Once every line is in, so a shared axis fits all of its channels.
    for (const AxisTrack &axis : std::as_const(m_axes)) {
        axis.axis->ticker()->setTickCount(ValueAxisScale::tickCountFor(axis.axis->axisRect()->height()));
        if (!m_layout.hasManualRange(axis.channels.first()))
            autoscale(axis, shown);
    }
    for (auto it = m_tracks.cbegin(); it != m_tracks.cend(); ++it)
        updateReadout(it.key(), *it); // decimals by the axis's new span
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}
