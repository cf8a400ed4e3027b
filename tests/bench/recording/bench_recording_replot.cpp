// Replot time of LivePlot with 1M and 10M readings per channel in the visible range (4 channels), offscreen
// at 1600x1000: the plot takes about two points per pixel from the store's min/max levels; once with one
// panel per channel and, at 1M, with all 4 channels on one panel: of one unit (one shared value axis) and of
// four units (4 value axes). For comparison, the same data handed to QCustomPlot whole (its own adaptive
// sampling). Goal: under 16 ms.
#include "ChannelInfo.h"
#include "LivePlot.h"
#include "PlotLayout.h"
#include "SampleStore.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTextStream>
#include <qcustomplot.h>

#include <cmath>

namespace {
double medianMs(QList<double> samples)
{
    std::sort(samples.begin(), samples.end());
    return samples.at(samples.size() / 2);
}

// Median fetch + replot time over 30 rounds with the given panels, and the points drawn per channel.
QString measureReplot(SampleStore &store, const QList<ChannelInfo> &infos, const PlotLayout &layout,
                      double first, double last)
{
    LivePlot plot(&store, infos);
    plot.setPlotLayout(layout);
    plot.resize(1600, 1000);
    plot.show();
    plot.setLive(false); // shows everything
    QCoreApplication::processEvents();
    QList<double> samples;
    QElapsedTimer timer;
    for (int round = 0; round < 30; ++round) {
        // Alternate two spans so every round really fetches and draws.
        timer.start();
        plot.setTimeRange(first - (round % 2), last + (round % 2)); // fetches from the store
        plot.plot()->replot(QCustomPlot::rpImmediateRefresh);
        samples << timer.nsecsElapsed() / 1e6;
    }
    return QStringLiteral("%1 ms (median of 30), %2 points drawn per channel")
        .arg(medianMs(samples), 0, 'f', 2)
        .arg(plot.pointCount(infos.first().name));
}
} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTextStream out(stdout);
    constexpr int channels = 4;
    for (const int perChannel : {1000000, 10000000}) {
        SampleStore store(nullptr, 200000);
        QList<ChannelInfo> infos;
        for (int c = 0; c < channels; ++c)
            infos << ChannelInfo{QStringLiteral("ch%1").arg(c), QStringLiteral("u"),
                                 QStringLiteral("Channel %1").arg(c), -2.0, 2.0};
        Reading reading{QString(), 0, 0.0, QStringLiteral("u"), Quality::Good};
        const qint64 t0 = 1763769600000;
        for (int i = 0; i < perChannel; ++i)
            for (int c = 0; c < channels; ++c) {
                reading.channel = infos.at(c).name;
                reading.sourceTimeMs = t0 + i * 100; // 10 Hz
                reading.value = std::sin(i * 1e-4 * (c + 1)) + (i % 7) * 0.01;
                store.append(reading);
            }
        const double first = t0 / 1000.0, last = (t0 + (perChannel - 1) * 100.0) / 1000.0;
        const QString figures =
            measureReplot(store, infos, PlotLayout::onePanelPerChannel(infos), first, last);
        out << perChannel << " readings per channel x " << channels
            << " channels, all visible, one panel each: LivePlot fetch + replot " << figures << Qt::endl;
        if (perChannel <= 1000000) {
            PlotLayout onePanel = PlotLayout::onePanelPerChannel(infos);
            for (int c = 1; c < channels; ++c)
                onePanel.moveToPanel(infos.at(c).name, 0);
            out << "  the same " << channels << " channels on one panel (one unit, one shared value axis): "
                << measureReplot(store, infos, onePanel, first, last) << Qt::endl;
            QList<ChannelInfo> ownUnits = infos;
            for (int c = 0; c < channels; ++c)
                ownUnits[c].unit = QStringLiteral("u%1").arg(c);
            out << "  the same " << channels << " channels on one panel (" << channels
                << " units, one value axis each): " << measureReplot(store, ownUnits, onePanel, first, last)
                << Qt::endl;
        }

        if (perChannel <= 1000000) {
            // The naive way: every reading in the graph.
            QCustomPlot naive;
            naive.resize(1600, 1000);
            for (int c = 0; c < channels; ++c) {
                QVector<double> keys(perChannel), values(perChannel);
                for (int i = 0; i < perChannel; ++i) {
                    keys[i] = (t0 + i * 100) / 1000.0;
                    values[i] = std::sin(i * 1e-4 * (c + 1)) + (i % 7) * 0.01;
                }
                naive.addGraph()->setData(keys, values, true);
            }
            naive.rescaleAxes();
            QList<double> samples;
            QElapsedTimer timer;
            for (int round = 0; round < 10; ++round) {
                timer.start();
                naive.replot(QCustomPlot::rpImmediateRefresh);
                samples << timer.nsecsElapsed() / 1e6;
            }
            out << "  for comparison, QCustomPlot holding all " << perChannel
                << " points per channel: " << QString::number(medianMs(samples), 'f', 2) << " ms per replot"
                << Qt::endl;
        }
    }
    return 0;
}
