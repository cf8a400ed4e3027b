#include "PlotPanelBuilder.h"

#include "DisplayUnit.h"
#include "PlotLayout.h"

#include <QHash>
#include <qcustomplot.h>

#include <algorithm>
#include <iterator>

QColor PlotPanelBuilder::channelColour(int channelIndex)
{
    // Ten well-separated hues (Tableau 10), so channels combined in one panel tell apart; neighbouring hues
    // from a hue wheel (pH, temperature, DO) came out as three greens. Past ten, darker again.
    static const QRgb palette[] = {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd,
                                   0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf};
    constexpr int size = int(std::size(palette));
    return QColor(palette[channelIndex % size]).darker(100 + 30 * (channelIndex / size % 3));
}

namespace {
// A shared axis belongs to no one channel, so it takes none of their colours.
const QColor sharedAxisColour(64, 64, 64);

QCPAxis *addValueAxis(QCPAxisRect *rect, const ChannelInfo &channel, const QColor &colour, int indexInPanel)
{
    QCPAxis *value = rect->addAxis(indexInPanel % 2 == 0 ? QCPAxis::atLeft : QCPAxis::atRight);
    // Only the unit: a panel is about 80 px tall, "Dissolved oxygen [%sat]" would not fit it; the readout
    // inside the panel names the channel.
    value->setLabel(DisplayUnit::text(channel.unit));
    value->setRange(channel.minimum, channel.maximum);
    const QPen pen(colour, 0);
    value->setBasePen(pen);
    value->setTickPen(pen);
    value->setSubTickPen(pen);
    value->setTickLabelColor(colour);
    value->setLabelColor(colour);
    value->grid()->setVisible(indexInPanel == 0); // one grid per panel; more would be clutter
    return value;
}

QCPItemText *addReadout(QCustomPlot *plot, QCPAxisRect *rect, const QColor &colour)
{
    auto *readout = new QCPItemText(plot);
    readout->setLayer(QStringLiteral("legend")); // above the graphs and axes
    readout->setClipAxisRect(rect);
    readout->position->setType(QCPItemPosition::ptAxisRectRatio);
    readout->position->setAxisRect(rect);
    readout->position->setCoords(0, 0);
    readout->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    readout->setTextAlignment(Qt::AlignLeft);
    readout->setColor(colour);
    readout->setPadding(QMargins(4, 0, 4, 0));
    // See-through, so a trace passing under the corner stays visible but does not garble the text.
    readout->setBrush(QColor(255, 255, 255, 200));
    QFont font = plot->font();
    font.setBold(true);
    readout->setFont(font);
    return readout;
}
} // namespace

PlotPanel PlotPanelBuilder::build(QCustomPlot *plot, QCPMarginGroup *margins, int row,
                                  const QList<ChannelInfo> &channels, const QList<QColor> &colours)
{
    PlotPanel panel;
    panel.rect = new QCPAxisRect(plot, false);
    plot->plotLayout()->addElement(row, 0, panel.rect); // before the cursor: items look for a rect
    panel.rect->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    panel.rect->setMinimumMargins(QMargins(10, 2, 10, 2));
    QSharedPointer<QCPAxisTickerDateTime> ticker(new QCPAxisTickerDateTime);
    ticker->setDateTimeFormat(timeLabelFormat(0.0)); // LivePlot sets it by the span shown
    ticker->setDateTimeSpec(Qt::LocalTime);
    panel.time = panel.rect->addAxis(QCPAxis::atBottom);
    panel.time->setTicker(ticker);
    panel.time->setTickLabels(false);
    panel.time->grid()->setVisible(true);
    panel.rect->setRangeDrag(Qt::Horizontal);
    panel.rect->setRangeZoom(Qt::Horizontal);
    panel.rect->setRangeDragAxes(panel.time, nullptr);
    panel.rect->setRangeZoomAxes(panel.time, nullptr);
    QHash<QString, QCPAxis *> axisOf;
    const QList<QStringList> axes = PlotLayout::valueAxes(channels);
    for (int a = 0; a < axes.size(); ++a) {
        const QStringList &names = axes.at(a);
        const auto first = std::find_if(channels.cbegin(), channels.cend(), [&](const ChannelInfo &channel) {
            return channel.name == names.first();
        });
        const int index = int(std::distance(channels.cbegin(), first));
        QCPAxis *value =
            addValueAxis(panel.rect, *first, names.size() > 1 ? sharedAxisColour : colours.at(index), a);
        for (const QString &name : names)
            axisOf.insert(name, value);
    }
    for (int i = 0; i < channels.size(); ++i) {
        const ChannelInfo &channel = channels.at(i);
        QCPAxis *value = axisOf.value(channel.name);
        QCPGraph *graph = plot->addGraph(panel.time, value);
        graph->setName(channel.label);
        graph->setAdaptiveSampling(false); // the store already hands over about two points per pixel
        // A cosmetic 1 px pen: wide pens make QPainter stroke the dense min/max zigzag of an envelope, 10x
        // slower.
        graph->setPen(QPen(colours.at(i), 0));
        panel.channels << channel.name;
        panel.valueAxes << value;
        panel.graphs << graph;
    }
    panel.cursor = new QCPItemStraightLine(plot);
    panel.cursor->setClipAxisRect(panel.rect);
    for (QCPItemPosition *position : {panel.cursor->point1, panel.cursor->point2})
        position->setAxes(panel.time, panel.valueAxes.value(0));
    panel.cursor->setPen(QPen(QColor(120, 120, 120), 1, Qt::DashLine));
    panel.cursor->setVisible(false);
    QCPItemText *previous = nullptr;
    for (const QColor &colour : colours) {
        QCPItemText *readout = addReadout(plot, panel.rect, colour);
        // The first line in the panel's top-left corner, each further one below the one before.
        if (previous) {
            readout->position->setParentAnchor(previous->bottomLeft);
            readout->position->setCoords(0, 0);
        }
        panel.readouts << readout;
        previous = readout;
    }
    return panel;
}

void PlotPanelBuilder::removeGraphsAndItems(QCustomPlot *plot, const PlotPanel &panel)
{
    for (QCPGraph *graph : panel.graphs)
        plot->removeGraph(graph);
    plot->removeItem(panel.cursor);
    for (QCPItemText *readout : panel.readouts)
        plot->removeItem(readout);
}

QString PlotPanelBuilder::timeLabelFormat(double spanSeconds)
{
    if (spanSeconds > 24 * 3600.0)
        return QStringLiteral("dd.MM. HH:mm");
    if (spanSeconds > 20 * 60.0)
        return QStringLiteral("HH:mm");
    return QStringLiteral("HH:mm:ss");
}
