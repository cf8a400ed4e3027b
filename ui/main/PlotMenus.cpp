#include "PlotMenus.h"

#include "LivePlot.h"
#include "PlotRangeDialog.h"

#include <QMenu>
#include <qcustomplot.h>

namespace {
// A panel or a shared axis is named by what it shows: "Optical density + Glucose".
QString panelTitle(const LivePlot *plot, const QStringList &channels)
{
    QStringList labels;
    for (const QString &channel : channels)
        labels << plot->graph(channel)->name();
    return labels.join(QStringLiteral(" + "));
}

void changeLayout(LivePlot *plot, const std::function<bool(PlotLayout &)> &change)
{
    PlotLayout layout = plot->plotLayout();
    if (change(layout))
        plot->setPlotLayout(layout);
}
} // namespace

void PlotMenus::addLayoutMenu(QMenu *menu, LivePlot *plot)
{
    QMenu *layout = menu->addMenu(tr("&Layout"));
    const auto preset = [plot](PlotLayout arranged) {
        arranged.copyManualRanges(plot->plotLayout());
        plot->setPlotLayout(arranged);
    };
    layout->addAction(tr("&One panel per channel"), plot,
                      [plot, preset] { preset(PlotLayout::onePanelPerChannel(plot->channels())); });
    QAction *combine = layout->addAction(tr("&Combine related channels"), plot, [plot, preset] {
        preset(PlotLayout::combineRelated(plot->channels()));
    });
    combine->setToolTip(tr("Channels of the same unit (feed and base rate) or read together (optical density "
                           "and glucose) share a panel; those of the same unit share its value axis."));
}

QMenu *PlotMenus::createPanelMenu(LivePlot *plot, int panel, QWidget *parent)
{
    auto *menu = new QMenu(parent);
    const QList<QStringList> panels = plot->plotLayout().panels();
    if (panel < 0 || panel >= panels.size())
        return menu;
    for (const QString &channel : panels.at(panel)) {
        const QString label = plot->graph(channel)->name();
        QMenu *move = menu->addMenu(tr("Move %1 to panel").arg(label));
        for (int other = 0; other < panels.size(); ++other)
            if (other != panel)
                move->addAction(panelTitle(plot, panels.at(other)), plot, [plot, channel, other] {
                    changeLayout(plot,
                                 [&](PlotLayout &layout) { return layout.moveToPanel(channel, other); });
                });
        if (panels.at(panel).size() > 1)
            move->addAction(tr("New panel"), plot, [plot, channel] {
                changeLayout(plot, [&](PlotLayout &layout) { return layout.moveToNewPanel(channel); });
            });
        move->setEnabled(!move->isEmpty());
    }
    menu->addSeparator();
    // One range menu per value axis: a shared axis ("Feed rate + Harvest rate") is set for all its channels.
    for (const QString &channel : panels.at(panel)) {
        const QStringList onAxis = plot->axisChannels(channel);
        if (onAxis.value(0) != channel)
            continue; // listed with the axis's first channel
        const QString label = panelTitle(plot, onAxis);
        QMenu *range = menu->addMenu(tr("%1 value range").arg(label));
        QAction *autoscale = range->addAction(tr("&Autoscale"), plot,
                                              [plot, channel] { plot->setAxisRange(channel, std::nullopt); });
        autoscale->setCheckable(true);
        autoscale->setChecked(!plot->plotLayout().hasManualRange(channel));
        range->addAction(tr("&Set range..."), plot, [plot, channel, label] {
            const QCPRange shown = plot->valueAxis(channel)->range();
            auto *dialog = new PlotRangeDialog(label, shown.lower, shown.upper, plot);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            QObject::connect(dialog, &QDialog::accepted, plot, [plot, channel, dialog] {
                plot->setAxisRange(channel, PlotLayout::ValueRange{dialog->lower(), dialog->upper()});
            });
            dialog->open();
        });
    }
    menu->addSeparator();
    addLayoutMenu(menu, plot);
    return menu;
}
