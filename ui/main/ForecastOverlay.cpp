#include "ForecastOverlay.h"

#include "LivePlot.h"

#include <QDateTime>
#include <qcustomplot.h>

#include <algorithm>

namespace {
const QString forecastLayer = QStringLiteral("forecast");
}

ForecastOverlay::ForecastOverlay(LivePlot *plot, QObject *parent) : QObject(parent), m_plot(plot)
{
    QCustomPlot *custom = plot->plot();
    if (!custom->layer(forecastLayer))
        custom->addLayer(forecastLayer, custom->layer(QStringLiteral("main")), QCustomPlot::limBelow);
}

ForecastOverlay::Layer *ForecastOverlay::layerFor(const QString &channel)
{
    auto it = m_layers.find(channel);
    if (it != m_layers.end())
        return &*it;
    QCPGraph *measured = m_plot->graph(channel);
    if (!measured)
        return nullptr; // the station has no such channel
    // On the channel's own axes (a panel may hold several channels); the plot carries these graphs along
    // when the channel moves to another panel.
    const QColor colour = measured->pen().color();
    Layer layer;
    layer.lower = m_plot->addOverlayGraph(channel);
    layer.upper = m_plot->addOverlayGraph(channel);
    layer.mean = m_plot->addOverlayGraph(channel);
    QColor band = colour;
    band.setAlpha(45);
    layer.lower->setPen(Qt::NoPen);
    layer.upper->setPen(Qt::NoPen);
    layer.upper->setBrush(band);
    layer.upper->setChannelFillGraph(layer.lower);
    layer.mean->setPen(QPen(colour, 1.5, Qt::DashLine));
    for (QCPGraph *graph : {layer.lower, layer.upper, layer.mean}) {
        graph->setLayer(forecastLayer);
        graph->setName(tr("%1 forecast").arg(measured->name()));
    }
    return &*m_layers.insert(channel, layer);
}

void ForecastOverlay::setForecast(const QVector<ForecastCurve> &curves)
{
    double end = 0.0;
    for (const ForecastCurve &curve : curves) {
        Layer *layer = layerFor(curve.channel);
        if (!layer)
            continue;
        QVector<double> upper(curve.mean.size()), lower(curve.mean.size());
        for (int i = 0; i < curve.mean.size(); ++i) {
            upper[i] = curve.mean[i] + bandSds * curve.sd[i];
            lower[i] = curve.mean[i] - bandSds * curve.sd[i];
        }
        layer->mean->setData(curve.timesSec, curve.mean, true);
        layer->upper->setData(curve.timesSec, upper, true);
        layer->lower->setData(curve.timesSec, lower, true);
        if (!curve.timesSec.isEmpty())
            end = std::max(end, curve.timesSec.back());
    }
    const double now = QDateTime::currentMSecsSinceEpoch() / 1000.0;
    m_plot->setLookaheadSeconds(std::clamp(end - now, 0.0, maxLookaheadSeconds));
    m_plot->plot()->replot(QCustomPlot::rpQueuedReplot);
}

int ForecastOverlay::pointCount(const QString &channel) const
{
    const auto it = m_layers.constFind(channel);
    return it == m_layers.cend() ? 0 : it->mean->dataCount();
}

QCPGraph *ForecastOverlay::meanGraph(const QString &channel) const
{
    return m_layers.value(channel).mean;
}

QCPGraph *ForecastOverlay::upperGraph(const QString &channel) const
{
    return m_layers.value(channel).upper;
}
