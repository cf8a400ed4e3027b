#pragma once
// Draws the models' forecast on the live plot, behind the measured data of the modelled channels: the mean
// as a dashed line in the channel's colour and mean +- 2 sd as a translucent band, on a layer below the
// measured graphs. Each new forecast replaces the previous one. While following live, the plot leaves room on
// the right for the forecast (at most maxLookaheadSeconds).
#include "PredictionCoordinator.h"

#include <QHash>
#include <QObject>

class LivePlot;
class QCPGraph;

class ForecastOverlay : public QObject
{
    Q_OBJECT
public:
    static constexpr double bandSds = 2.0;
    static constexpr double maxLookaheadSeconds = 180.0;

    explicit ForecastOverlay(LivePlot *plot, QObject *parent = nullptr);

    void setForecast(const QVector<ForecastCurve> &curves);
    // Points of the channel's forecast mean (0: none drawn); the band has as many on each side.
    int pointCount(const QString &channel) const;
    QCPGraph *meanGraph(const QString &channel) const;
    QCPGraph *upperGraph(const QString &channel) const;

private:
    struct Layer
    {
        QCPGraph *mean = nullptr;
        QCPGraph *upper = nullptr; // filled down to lower: the band
        QCPGraph *lower = nullptr;
    };
    Layer *layerFor(const QString &channel);

    LivePlot *m_plot;
    QHash<QString, Layer> m_layers;
};
