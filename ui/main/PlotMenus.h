#pragma once
// The operator's layout controls of a LivePlot: the context menu of a panel (move a channel to another panel
// or a new one, fix a channel's value range or let it autoscale) and the "Layout" submenu (one panel per
// channel, combine related channels). Each action changes the plot's PlotLayout, which the plot saves.
#include <QCoreApplication>

class LivePlot;
class QMenu;
class QWidget;

class PlotMenus
{
    Q_DECLARE_TR_FUNCTIONS(PlotMenus)
public:
    static void addLayoutMenu(QMenu *menu, LivePlot *plot);
    static QMenu *createPanelMenu(LivePlot *plot, int panel, QWidget *parent);
};
