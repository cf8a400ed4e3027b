#pragma once
// Builds the QCustomPlot parts of one plot panel: an axis rect with the time axis at the bottom and one value
// axis per unit (PlotLayout::valueAxes: channels of the same unit share one, so feed and harvest rate are
// read on one scale), alternately left and right (QCustomPlot stacks further axes on a side outwards, so they
// do not overlap), each labelled with its unit only (DisplayUnit). An axis of one channel is drawn in the
// channel's colour; a shared one in a neutral dark grey. Each channel's graph and its readout line in the
// panel's top-left corner (one per channel, below each other; the plot writes their text) keep the channel's
// colour. Only the time axis drags and zooms with the mouse; a panel's value axes are scaled by the plot
// itself.
#include "ChannelInfo.h"

#include <QColor>
#include <QList>
#include <QStringList>

class QCPAxis;
class QCPAxisRect;
class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;
class QCPMarginGroup;
class QCustomPlot;

struct PlotPanel
{
    QCPAxisRect *rect = nullptr;
    QCPAxis *time = nullptr;
    QCPItemStraightLine *cursor = nullptr; // the vertical line at the cursor's time
    QStringList channels;
    QList<QCPAxis *> valueAxes; // one per channel, in the same order (channels of one unit: the same axis)
    QList<QCPGraph *> graphs;
    QList<QCPItemText *> readouts; // "<label>  <latest value> <unit>", one per channel, same order
};

namespace PlotPanelBuilder {
// A distinct, stable colour for the station's n-th channel.
QColor channelColour(int channelIndex);
// The panel's rect goes into row `row` of the plot's layout and joins `margins` so all panels line up.
PlotPanel build(QCustomPlot *plot, QCPMarginGroup *margins, int row, const QList<ChannelInfo> &channels,
                const QList<QColor> &colours);
// Takes the panel's graphs, cursor and readouts out of the plot; the rect goes when it leaves the plot's
// layout.
void removeGraphsAndItems(QCustomPlot *plot, const PlotPanel &panel);
// Time labels carry what the span shown needs: seconds over minutes, the date once it covers days.
QString timeLabelFormat(double spanSeconds);
} // namespace PlotPanelBuilder
