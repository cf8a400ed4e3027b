// Panels with several channels, offscreen: moving a channel into another panel from the context menu gives
// that panel a second value axis (labelled with its unit, coloured, scaled to the data) unless the panel has
// an axis of its unit, which the channels then share (autoscaled to all of them, a fixed range for all of
// them, saved and restored; a channel moved out takes its range along), the wheel over one value axis zooms
// only that axis, the cursor readout lists every channel of the panel, the forecast overlay
// follows a moved channel, and the layout is saved per station and restored, also by the run viewer. Each
// panel names its channels with their latest values and says when one is not Good; flat signals keep a
// sensible scale, a forecast band widens it only so far, and ranges the operator set still win.
#include "../../unit/recording/RunFileFixture.h"
#include "ForecastOverlay.h"
#include "LivePlot.h"
#include "PlotLayoutSettings.h"
#include "PlotRangeDialog.h"
#include "RunViewerWindow.h"
#include "SampleStore.h"

#include <QContextMenuEvent>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <qcustomplot.h>

namespace {
constexpr qint64 t0 = 1763769600000;
constexpr int seconds = 3600;

const QList<ChannelInfo> channels = {
    {QStringLiteral("od"), QStringLiteral("OD600"), QStringLiteral("Optical density"), 0, 200},
    {QStringLiteral("glucose"), QStringLiteral("g/L"), QStringLiteral("Glucose"), 0, 100},
    {QStringLiteral("ph"), QStringLiteral("pH"), QStringLiteral("pH"), 4, 9}};

// od rises 0.5 -> 2.3, glucose falls 20 -> 11, pH wobbles about 7: three scales that do not fit one axis.
QList<Reading> readings()
{
    QList<Reading> all;
    for (int i = 0; i < seconds; ++i) {
        const qint64 t = t0 + i * 1000;
        all << Reading{QStringLiteral("od"), t, 0.5 + i * 5e-4, QStringLiteral("OD600"), Quality::Good}
            << Reading{QStringLiteral("glucose"), t, 20.0 - i * 2.5e-3, QStringLiteral("g/L"), Quality::Good}
            << Reading{QStringLiteral("ph"), t, 7.0 + (i % 10) * 0.01, QStringLiteral("pH"), Quality::Good};
    }
    return all;
}

// A demo-like station where most signals hold still: a stirrer at 400 rpm with a little noise, a feed pump
// at 0, the volume held at 1000 mL, the temperature at 37 degC; the base pump has not reported yet.
const QList<ChannelInfo> steadyChannels = {
    {QStringLiteral("stirrer"), QStringLiteral("rpm"), QStringLiteral("Stirrer speed"), 0, 1500},
    {QStringLiteral("feed_rate"), QStringLiteral("mL/h"), QStringLiteral("Feed rate"), 0, 500},
    {QStringLiteral("base_rate"), QStringLiteral("mL/h"), QStringLiteral("Base rate"), 0, 200},
    {QStringLiteral("volume"), QStringLiteral("mL"), QStringLiteral("Culture volume"), 0, 5000},
    {QStringLiteral("temperature"), QStringLiteral("degC"), QStringLiteral("Temperature"), 20, 45},
    {QStringLiteral("ph"), QStringLiteral("pH"), QStringLiteral("pH"), 4, 9}};

void appendSteadyReadings(SampleStore *store, int count)
{
    for (int i = 0; i < count; ++i) {
        const qint64 t = t0 + i * 1000;
        store->append({QStringLiteral("stirrer"), t, 400.0 + (i % 3 - 1) * 0.3, QStringLiteral("rpm")});
        store->append({QStringLiteral("feed_rate"), t, 0.0, QStringLiteral("mL/h")});
        store->append({QStringLiteral("volume"), t, 1000.0, QStringLiteral("mL")});
        store->append({QStringLiteral("temperature"), t, 37.0 + (i % 5) * 0.01, QStringLiteral("degC")});
        store->append({QStringLiteral("ph"), t, 7.0, QStringLiteral("pH")});
    }
}

// A chemostat's pumps: feed, harvest and base rate read on one mL/h scale; glucose (g/L) has its own.
const QList<ChannelInfo> rateChannels = {
    {QStringLiteral("feed_rate"), QStringLiteral("mL/h"), QStringLiteral("Feed rate"), 0, 500},
    {QStringLiteral("harvest_rate"), QStringLiteral("mL/h"), QStringLiteral("Harvest rate"), 0, 800},
    {QStringLiteral("base_rate"), QStringLiteral("mL/h"), QStringLiteral("Base rate"), 0, 200},
    {QStringLiteral("glucose"), QStringLiteral("g/L"), QStringLiteral("Glucose"), 0, 100}};

// Over ten minutes: feed 10 -> 16 mL/h, harvest 100 -> 130 mL/h, base at 2 mL/h, glucose 20 -> 14 g/L.
void appendRates(SampleStore *store)
{
    for (int i = 0; i < 600; ++i) {
        const qint64 t = t0 + i * 1000;
        store->append({QStringLiteral("feed_rate"), t, 10.0 + i * 0.01, QStringLiteral("mL/h")});
        store->append({QStringLiteral("harvest_rate"), t, 100.0 + i * 0.05, QStringLiteral("mL/h")});
        store->append({QStringLiteral("base_rate"), t, 2.0, QStringLiteral("mL/h")});
        store->append({QStringLiteral("glucose"), t, 20.0 - i * 0.01, QStringLiteral("g/L")});
    }
}

QAction *findAction(QMenu *menu, const QString &text)
{
    for (QAction *action : menu->actions())
        if (action->text() == text)
            return action;
    return nullptr;
}

int valueAxisCount(QCPAxisRect *rect)
{
    return int(rect->axes(QCPAxis::atLeft | QCPAxis::atRight).size());
}

bool contains(const QCPRange &range, double lower, double upper)
{
    return range.lower <= lower && range.upper >= upper;
}
} // namespace

class TestPlotPanels : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    SampleStore m_store;

    std::unique_ptr<LivePlot> makePlot(const QList<ChannelInfo> &shown = channels,
                                       SampleStore *store = nullptr)
    {
        auto plot = std::make_unique<LivePlot>(store ? store : &m_store, shown);
        plot->resize(1000, 700);
        plot->show();
        plot->setLive(false); // everything in view
        return plot;
    }

    // What a right click on the glucose panel offers: "Move Glucose to panel" > "Optical density".
    static void moveGlucoseToOdByMenu(LivePlot *plot)
    {
        std::unique_ptr<QMenu> menu(
            plot->createPanelMenu(plot->plotLayout().panelOf(QStringLiteral("glucose")), plot));
        QAction *move = findAction(menu.get(), QStringLiteral("Move Glucose to panel"));
        QVERIFY(move && move->menu());
        QAction *target = findAction(move->menu(), QStringLiteral("Optical density"));
        QVERIFY(target);
        QVERIFY(!findAction(move->menu(), QStringLiteral("New panel"))); // alone: nothing to split off
        target->trigger();
    }

    // What a right click on the channel's panel offers: "Move <label> to panel" > `target`.
    static void moveByMenu(LivePlot *plot, const QString &channel, const QString &target)
    {
        std::unique_ptr<QMenu> menu(plot->createPanelMenu(plot->plotLayout().panelOf(channel), plot));
        QAction *move =
            findAction(menu.get(), QStringLiteral("Move %1 to panel").arg(plot->graph(channel)->name()));
        QVERIFY(move && move->menu());
        QAction *to = findAction(move->menu(), target);
        QVERIFY2(to, qPrintable(target));
        to->trigger();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                           m_dir.filePath(QStringLiteral("config")));
        for (const Reading &reading : readings())
            m_store.append(reading);
    }

    void movingAChannelGivesThePanelASecondValueAxis()
    {
        auto plot = makePlot();
        QVERIFY(QTest::qWaitForWindowExposed(plot.get()));
        QCOMPARE(plot->panelCount(), 3);
        QVERIFY(plot->trackRect(QStringLiteral("od")) != plot->trackRect(QStringLiteral("glucose")));
        QCOMPARE(valueAxisCount(plot->trackRect(QStringLiteral("od"))), 1);
        QSignalSpy changed(plot.get(), &LivePlot::plotLayoutChanged);

        moveGlucoseToOdByMenu(plot.get());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(plot->panelCount(), 2);
        QCPAxisRect *rect = plot->trackRect(QStringLiteral("od"));
        QCOMPARE(plot->trackRect(QStringLiteral("glucose")), rect);
        QCOMPARE(plot->panelRect(0), rect);
        QCOMPARE(valueAxisCount(rect), 2);
        QCPAxis *od = plot->valueAxis(QStringLiteral("od"));
        QCPAxis *glucose = plot->valueAxis(QStringLiteral("glucose"));
        QCOMPARE(od->axisType(), QCPAxis::atLeft);
        QCOMPARE(glucose->axisType(), QCPAxis::atRight);
        // The axes carry the unit only; the readout in the panel's corner names the channel.
        QCOMPARE(od->label(), QStringLiteral("OD600"));
        QCOMPARE(glucose->label(), QStringLiteral("g/L"));
        // Each graph on its own axis, axis and trace in the same colour.
        QCOMPARE(plot->graph(QStringLiteral("glucose"))->valueAxis(), glucose);
        QCOMPARE(plot->graph(QStringLiteral("glucose"))->keyAxis(), plot->timeAxis(QStringLiteral("od")));
        QCOMPARE(glucose->labelColor(), plot->graph(QStringLiteral("glucose"))->pen().color());
        QCOMPARE(od->tickLabelColor(), plot->graph(QStringLiteral("od"))->pen().color());
        QVERIFY(od->labelColor() != glucose->labelColor());
        // Autoscaled each on its own, to its own data, not to the other's or the station's 0..200.
        plot->refresh();
        QVERIFY2(contains(od->range(), 0.5, 0.5 + (seconds - 1) * 5e-4),
                 qPrintable(QStringLiteral("%1..%2").arg(od->range().lower).arg(od->range().upper)));
        QVERIFY(od->range().upper < 5);
        QVERIFY(contains(glucose->range(), 20.0 - (seconds - 1) * 2.5e-3, 20.0));
        QVERIFY(glucose->range().lower > 5);
        QVERIFY(plot->pointCount(QStringLiteral("glucose")) > 100); // still drawn after the move
        // Time stays shared between the panels.
        plot->setTimeRange(t0 / 1000.0 + 100, t0 / 1000.0 + 700);
        QCOMPARE(plot->timeAxis(QStringLiteral("ph"))->range(),
                 plot->timeAxis(QStringLiteral("od"))->range());

        // A third channel stacks outside the first on the left: the axes do not overlap.
        std::unique_ptr<QMenu> menu(plot->createPanelMenu(1, plot.get()));
        findAction(findAction(menu.get(), QStringLiteral("Move pH to panel"))->menu(),
                   QStringLiteral("Optical density + Glucose"))
            ->trigger();
        QCOMPARE(plot->panelCount(), 1);
        plot->plot()->replot(QCustomPlot::rpImmediateRefresh);
        QCPAxis *ph = plot->valueAxis(QStringLiteral("ph"));
        QCOMPARE(ph->axisType(), QCPAxis::atLeft);
        QVERIFY2(ph->offset() > od->offset() + 30, qPrintable(QString::number(ph->offset())));
        QVERIFY(plot->plot()->axisRect()->left() > ph->offset() + 30);

        // Split one off again: it gets a panel of its own right below.
        menu.reset(plot->createPanelMenu(0, plot.get()));
        QAction *split = findAction(findAction(menu.get(), QStringLiteral("Move Glucose to panel"))->menu(),
                                    QStringLiteral("New panel"));
        QVERIFY(split);
        split->trigger();
        QCOMPARE(plot->plotLayout().panels(),
                 QList<QStringList>({QStringList{"od", "ph"}, QStringList{"glucose"}}));
        QCOMPARE(valueAxisCount(plot->trackRect(QStringLiteral("glucose"))), 1);
    }

    void channelsOfOneUnitInAPanelShareOneValueAxis()
    {
        SampleStore store;
        appendRates(&store);
        auto plot = makePlot(rateChannels, &store);
        QVERIFY(QTest::qWaitForWindowExposed(plot.get()));
        moveByMenu(plot.get(), QStringLiteral("harvest_rate"), QStringLiteral("Feed rate"));
        QCPAxisRect *rect = plot->trackRect(QStringLiteral("feed_rate"));
        QCOMPARE(plot->trackRect(QStringLiteral("harvest_rate")), rect);
        QCOMPARE(valueAxisCount(rect), 1);
        QCPAxis *shared = plot->valueAxis(QStringLiteral("feed_rate"));
        QCOMPARE(plot->valueAxis(QStringLiteral("harvest_rate")), shared);
        QCOMPARE(plot->graph(QStringLiteral("feed_rate"))->valueAxis(), shared);
        QCOMPARE(plot->graph(QStringLiteral("harvest_rate"))->valueAxis(), shared);
        QCOMPARE(shared->graphs().size(), 2);
        QCOMPARE(shared->label(), QStringLiteral("mL/h"));
        QCOMPARE(plot->axisChannels(QStringLiteral("harvest_rate")),
                 QStringList({QStringLiteral("feed_rate"), QStringLiteral("harvest_rate")}));
        // The shared axis in a neutral colour; the traces and readout lines keep their channels' colours.
        const QColor feedColour = plot->graph(QStringLiteral("feed_rate"))->pen().color();
        const QColor harvestColour = plot->graph(QStringLiteral("harvest_rate"))->pen().color();
        QVERIFY(feedColour != harvestColour);
        QVERIFY(shared->labelColor() != feedColour && shared->labelColor() != harvestColour);
        QCOMPARE(shared->basePen().color(), shared->labelColor());
        QCOMPARE(shared->tickLabelColor(), shared->labelColor());
        QCOMPARE(plot->readout(QStringLiteral("feed_rate"))->color(), feedColour);
        QCOMPARE(plot->readout(QStringLiteral("harvest_rate"))->color(), harvestColour);
        // Autoscaled to both lines (feed 10..16, harvest 100..130), not to one, nor to the 0..800 configured.
        plot->refresh();
        QVERIFY2(contains(shared->range(), 10.0, 100.0 + 599 * 0.05) && shared->range().upper < 200,
                 qPrintable(QStringLiteral("%1..%2").arg(shared->range().lower).arg(shared->range().upper)));
        plot->setTimeRange(t0 / 1000.0 + 270, t0 / 1000.0 + 330);
        QVERIFY(contains(shared->range(), 10.0 + 330 * 0.01, 100 + 270 * 0.05));
        QVERIFY(shared->range().upper < 130); // all ten minutes would reach about 142

        // The cursor readout and the panel's lines still name every channel.
        plot->plot()->replot(QCustomPlot::rpImmediateRefresh);
        plot->showCursorAt(t0 / 1000.0 + 300, plot->plotLayout().panelOf(QStringLiteral("feed_rate")));
        QVERIFY2(plot->cursorText().contains(QStringLiteral("Feed rate 13 mL/h")),
                 qPrintable(plot->cursorText()));
        QVERIFY2(plot->cursorText().contains(QStringLiteral("Harvest rate 115 mL/h")),
                 qPrintable(plot->cursorText()));
        QVERIFY(
            plot->readout(QStringLiteral("feed_rate"))->text().startsWith(QStringLiteral("Feed rate  13")));
        QVERIFY(plot->readout(QStringLiteral("harvest_rate"))
                    ->text()
                    .startsWith(QStringLiteral("Harvest rate  11")));

        // A g/L channel in the same panel gets an axis of its own, in its colour, on the other side.
        moveByMenu(plot.get(), QStringLiteral("glucose"), QStringLiteral("Feed rate + Harvest rate"));
        rect = plot->trackRect(QStringLiteral("feed_rate"));
        QCOMPARE(plot->trackRect(QStringLiteral("glucose")), rect);
        QCOMPARE(valueAxisCount(rect), 2);
        shared = plot->valueAxis(QStringLiteral("feed_rate"));
        QCPAxis *glucose = plot->valueAxis(QStringLiteral("glucose"));
        QVERIFY(glucose != shared);
        QCOMPARE(plot->valueAxis(QStringLiteral("harvest_rate")), shared);
        QCOMPARE(shared->axisType(), QCPAxis::atLeft);
        QCOMPARE(glucose->axisType(), QCPAxis::atRight);
        QCOMPARE(glucose->label(), QStringLiteral("g/L"));
        QCOMPARE(glucose->labelColor(), plot->graph(QStringLiteral("glucose"))->pen().color());
        QCOMPARE(glucose->graphs().size(), 1);
        plot->showAll();
        QVERIFY(contains(glucose->range(), 20.0 - 599 * 0.01, 20.0) && glucose->range().lower > 5);
        QVERIFY(contains(shared->range(), 10.0, 100.0 + 599 * 0.05));

        // The panel's menu sets ranges per axis: one entry for the shared axis, one for glucose's.
        std::unique_ptr<QMenu> menu(plot->createPanelMenu(0, plot.get()));
        QVERIFY(findAction(menu.get(), QStringLiteral("Feed rate + Harvest rate value range")));
        QVERIFY(!findAction(menu.get(), QStringLiteral("Harvest rate value range")));
        QVERIFY(findAction(menu.get(), QStringLiteral("Glucose value range")));
    }

    void aRangeSetOnASharedAxisHoldsForAllItsChannels()
    {
        SampleStore store;
        appendRates(&store);
        const QString station = QStringLiteral("/stations/chemostat.json");
        auto plot = makePlot(rateChannels, &store);
        QVERIFY(QTest::qWaitForWindowExposed(plot.get()));
        plot->restoreLayout(station); // nothing saved: the three rates share a panel, and so an axis
        const QStringList rates{QStringLiteral("feed_rate"), QStringLiteral("harvest_rate"),
                                QStringLiteral("base_rate")};
        QCOMPARE(plot->axisChannels(QStringLiteral("base_rate")), rates);
        QCOMPARE(valueAxisCount(plot->trackRect(QStringLiteral("feed_rate"))), 1);

        // The wheel over the shared axis zooms it and fixes the range of every channel on it.
        plot->refresh();
        plot->plot()->replot(QCustomPlot::rpImmediateRefresh);
        QCPAxisRect *rect = plot->trackRect(QStringLiteral("feed_rate"));
        const QPointF onAxis(rect->left() - 4, rect->center().y());
        QCOMPARE(plot->valueAxisChannelAt(onAxis), QStringLiteral("feed_rate"));
        const QCPRange before = plot->valueAxis(QStringLiteral("feed_rate"))->range();
        QWheelEvent zoomIn(onAxis, plot->plot()->mapToGlobal(onAxis), QPoint(), QPoint(0, 240), Qt::NoButton,
                           Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(plot->plot(), &zoomIn);
        const QCPRange zoomed = plot->valueAxis(QStringLiteral("feed_rate"))->range();
        QVERIFY(zoomed.size() < before.size() * 0.8);
        for (const QString &rate : rates)
            QCOMPARE(plot->plotLayout().manualRange(rate),
                     (PlotLayout::ValueRange{zoomed.lower, zoomed.upper}));
        QVERIFY(!plot->plotLayout().hasManualRange(QStringLiteral("glucose")));

        // Set range... on the axis's menu: for all three.
        std::unique_ptr<QMenu> menu(plot->createPanelMenu(0, plot.get()));
        QMenu *range =
            findAction(menu.get(), QStringLiteral("Feed rate + Harvest rate + Base rate value range"))
                ->menu();
        QVERIFY(!findAction(range, QStringLiteral("&Autoscale"))->isChecked());
        findAction(range, QStringLiteral("&Set range..."))->trigger();
        auto *dialog = plot->findChild<PlotRangeDialog *>();
        QVERIFY(dialog && dialog->isVisible());
        const QList<QDoubleSpinBox *> bounds = dialog->findChildren<QDoubleSpinBox *>();
        bounds.at(0)->setValue(0);
        bounds.at(1)->setValue(200);
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        for (const QString &rate : rates) {
            QCOMPARE(plot->plotLayout().manualRange(rate), (PlotLayout::ValueRange{0, 200}));
            QCOMPARE(plot->valueAxis(rate)->range(), QCPRange(0, 200));
        }
        plot->setTimeRange(t0 / 1000.0, t0 / 1000.0 + 60);
        QCOMPARE(plot->valueAxis(QStringLiteral("harvest_rate"))->range(), QCPRange(0, 200));

        // Saved for the station and restored the same.
        auto second = makePlot(rateChannels, &store);
        second->restoreLayout(station);
        QCOMPARE(second->plotLayout(), plot->plotLayout());
        QCOMPARE(second->axisChannels(QStringLiteral("feed_rate")), rates);
        QCOMPARE(second->valueAxis(QStringLiteral("base_rate"))->range(), QCPRange(0, 200));

        // Moved out, the harvest rate takes the range to an axis of its own, in its colour; the others stay
        // on the shared axis.
        moveByMenu(second.get(), QStringLiteral("harvest_rate"), QStringLiteral("New panel"));
        const QStringList stay{QStringLiteral("feed_rate"), QStringLiteral("base_rate")};
        QCOMPARE(second->axisChannels(QStringLiteral("feed_rate")), stay);
        QCOMPARE(valueAxisCount(second->trackRect(QStringLiteral("feed_rate"))), 1);
        QCPAxis *harvest = second->valueAxis(QStringLiteral("harvest_rate"));
        QVERIFY(harvest != second->valueAxis(QStringLiteral("feed_rate")));
        QVERIFY(harvest->graphs() == QList<QCPGraph *>{second->graph(QStringLiteral("harvest_rate"))});
        QCOMPARE(harvest->labelColor(), second->graph(QStringLiteral("harvest_rate"))->pen().color());
        QCOMPARE(harvest->range(), QCPRange(0, 200));
        QCOMPARE(second->valueAxis(QStringLiteral("base_rate"))->range(), QCPRange(0, 200));

        // Autoscale on the shared axis frees both of its channels, not the harvest rate.
        std::unique_ptr<QMenu> secondMenu(
            second->createPanelMenu(second->plotLayout().panelOf(QStringLiteral("feed_rate")), second.get()));
        findAction(findAction(secondMenu.get(), QStringLiteral("Feed rate + Base rate value range"))->menu(),
                   QStringLiteral("&Autoscale"))
            ->trigger();
        QVERIFY(!second->plotLayout().hasManualRange(QStringLiteral("feed_rate")));
        QVERIFY(!second->plotLayout().hasManualRange(QStringLiteral("base_rate")));
        QCOMPARE(second->plotLayout().manualRange(QStringLiteral("harvest_rate")),
                 (PlotLayout::ValueRange{0, 200}));
        second->showAll();
        const QCPRange rates2 = second->valueAxis(QStringLiteral("feed_rate"))->range();
        QVERIFY2(contains(rates2, 2, 16) && rates2.upper < 30,
                 qPrintable(QStringLiteral("%1..%2").arg(rates2.lower).arg(rates2.upper)));

        // Moved back, it joins the mL/h axis there; its fixed range wins over autoscale, for all three.
        moveByMenu(second.get(), QStringLiteral("harvest_rate"), QStringLiteral("Feed rate + Base rate"));
        QCOMPARE(second->axisChannels(QStringLiteral("harvest_rate")),
                 QStringList({QStringLiteral("feed_rate"), QStringLiteral("base_rate"),
                              QStringLiteral("harvest_rate")}));
        for (const QString &rate : rates)
            QCOMPARE(second->plotLayout().manualRange(rate), (PlotLayout::ValueRange{0, 200}));
    }

    void aForecastOnASharedAxisStaysWithItsChannel()
    {
        SampleStore store;
        appendRates(&store);
        auto plot = makePlot(rateChannels, &store);
        moveByMenu(plot.get(), QStringLiteral("harvest_rate"), QStringLiteral("Feed rate"));
        ForecastOverlay overlay(plot.get());
        const double end = (t0 + 600 * 1000) / 1000.0;
        overlay.setForecast(
            {ForecastCurve{QStringLiteral("harvest_rate"), {end, end + 60}, {130, 131}, {1, 2}}});
        QCPGraph *mean = overlay.meanGraph(QStringLiteral("harvest_rate"));
        QCOMPARE(mean->valueAxis(), plot->valueAxis(QStringLiteral("feed_rate")));
        // The feed moves out: the harvest rate's forecast stays on the harvest rate's axis.
        moveByMenu(plot.get(), QStringLiteral("feed_rate"), QStringLiteral("New panel"));
        QCOMPARE(mean->valueAxis(), plot->valueAxis(QStringLiteral("harvest_rate")));
        QVERIFY(mean->valueAxis() != plot->valueAxis(QStringLiteral("feed_rate")));
        QCOMPARE(overlay.upperGraph(QStringLiteral("harvest_rate"))->keyAxis(),
                 plot->timeAxis(QStringLiteral("harvest_rate")));
    }

    void wheelOverAValueAxisZoomsOnlyThatAxis()
    {
        auto plot = makePlot();
        QVERIFY(QTest::qWaitForWindowExposed(plot.get()));
        moveGlucoseToOdByMenu(plot.get());
        plot->refresh();
        plot->plot()->replot(QCustomPlot::rpImmediateRefresh);
        QCPAxis *od = plot->valueAxis(QStringLiteral("od"));
        QCPAxis *glucose = plot->valueAxis(QStringLiteral("glucose"));
        const QCPRange odBefore = od->range(), glucoseBefore = glucose->range();
        const QCPRange timeBefore = plot->timeAxis(QStringLiteral("od"))->range();
        QCPAxisRect *rect = plot->trackRect(QStringLiteral("od"));
        const QPointF onGlucoseAxis(rect->right() + 4, rect->center().y());
        QCOMPARE(plot->valueAxisChannelAt(onGlucoseAxis), QStringLiteral("glucose"));
        QCOMPARE(plot->valueAxisChannelAt(QPointF(rect->left() - 4, rect->center().y())),
                 QStringLiteral("od"));
        QCOMPARE(plot->valueAxisChannelAt(rect->center()), QString());

        QWheelEvent zoomIn(onGlucoseAxis, plot->plot()->mapToGlobal(onGlucoseAxis), QPoint(), QPoint(0, 240),
                           Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(plot->plot(), &zoomIn);
        QVERIFY(glucose->range().size() < glucoseBefore.size() * 0.8);
        QCOMPARE(od->range(), odBefore);
        QCOMPARE(plot->timeAxis(QStringLiteral("od"))->range(), timeBefore);
        // The zoomed channel keeps its range; the other still autoscales.
        QVERIFY(plot->plotLayout().hasManualRange(QStringLiteral("glucose")));
        QVERIFY(!plot->plotLayout().hasManualRange(QStringLiteral("od")));
        const QCPRange zoomed = glucose->range();
        plot->setTimeRange(t0 / 1000.0, t0 / 1000.0 + 600);
        QCOMPARE(glucose->range(), zoomed);
        QVERIFY(od->range().upper < odBefore.upper); // rescaled to the first 10 minutes

        // Inside the panel the wheel zooms time, shared by all panels, and no value axis.
        QWheelEvent zoomTime(rect->center(), plot->plot()->mapToGlobal(rect->center()), QPoint(),
                             QPoint(0, 120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(plot->plot(), &zoomTime);
        QVERIFY(plot->timeAxis(QStringLiteral("od"))->range().size() < 600);
        QCOMPARE(plot->timeAxis(QStringLiteral("ph"))->range(),
                 plot->timeAxis(QStringLiteral("od"))->range());
        QCOMPARE(glucose->range(), zoomed);

        // Back to autoscale from the context menu; a fixed range from it.
        std::unique_ptr<QMenu> menu(plot->createPanelMenu(0, plot.get()));
        QAction *autoscale = findAction(findAction(menu.get(), QStringLiteral("Glucose value range"))->menu(),
                                        QStringLiteral("&Autoscale"));
        QVERIFY(autoscale && !autoscale->isChecked());
        autoscale->trigger();
        QVERIFY(!plot->plotLayout().hasManualRange(QStringLiteral("glucose")));
        plot->showAll();
        QVERIFY(contains(glucose->range(), 20.0 - (seconds - 1) * 2.5e-3, 20.0));

        // A fixed range typed in: OK only for lower < upper.
        menu.reset(plot->createPanelMenu(0, plot.get()));
        findAction(findAction(menu.get(), QStringLiteral("Glucose value range"))->menu(),
                   QStringLiteral("&Set range..."))
            ->trigger();
        auto *dialog = plot->findChild<PlotRangeDialog *>();
        QVERIFY(dialog && dialog->isVisible());
        const QList<QDoubleSpinBox *> bounds = dialog->findChildren<QDoubleSpinBox *>();
        QCOMPARE(bounds.size(), 2);
        QCOMPARE(bounds.at(0)->value(), std::round(glucose->range().lower * 1e4) / 1e4); // what is shown
        QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        bounds.at(0)->setValue(30);
        bounds.at(1)->setValue(5);
        QVERIFY(!ok->isEnabled());
        bounds.at(0)->setValue(0);
        bounds.at(1)->setValue(25);
        QVERIFY(ok->isEnabled());
        ok->click();
        QCOMPARE(plot->plotLayout().manualRange(QStringLiteral("glucose")), (PlotLayout::ValueRange{0, 25}));
        QCOMPARE(glucose->range(), QCPRange(0, 25));
        plot->setTimeRange(t0 / 1000.0, t0 / 1000.0 + 60);
        QCOMPARE(glucose->range(), QCPRange(0, 25)); // kept while od rescales
    }

    void cursorReadoutListsEveryChannelOfThePanel()
    {
        auto plot = makePlot();
        QVERIFY(QTest::qWaitForWindowExposed(plot.get()));
        moveGlucoseToOdByMenu(plot.get());
        plot->setTimeRange(t0 / 1000.0 + 600, t0 / 1000.0 + 660);
        plot->plot()->replot(QCustomPlot::rpImmediateRefresh);
        QCPAxisRect *rect = plot->trackRect(QStringLiteral("od"));
        const int x = int(plot->timeAxis(QStringLiteral("od"))->coordToPixel(t0 / 1000.0 + 630));
        QTest::mouseMove(plot->plot(), QPoint(x, int(rect->center().y())));
        QTRY_VERIFY(plot->cursorText().contains(QStringLiteral("Glucose")));
        const QString text = plot->cursorText();
        QVERIFY2(text.contains(QStringLiteral("Optical density 0.815 OD600")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Glucose 18.425 g/L")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("pH")), qPrintable(text)); // another panel

        // A right click on the panel opens its menu: every channel of the panel can move.
        QContextMenuEvent click(QContextMenuEvent::Mouse, rect->center(),
                                plot->plot()->mapToGlobal(rect->center()));
        QApplication::sendEvent(plot->plot(), &click);
        QTRY_VERIFY(qobject_cast<QMenu *>(QApplication::activePopupWidget()));
        auto *popup = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        QVERIFY(findAction(popup, QStringLiteral("Move Optical density to panel")));
        QVERIFY(findAction(popup, QStringLiteral("Move Glucose to panel")));
        QVERIFY(!findAction(popup, QStringLiteral("Move pH to panel")));
        popup->close();
        plot->showCursorAt(t0 / 1000.0 + 630, plot->plotLayout().panelOf(QStringLiteral("ph")));
        QVERIFY(plot->cursorText().contains(QStringLiteral(" pH")));
        QVERIFY(!plot->cursorText().contains(QStringLiteral("Glucose")));
    }

    void panelsNameTheirChannelsWithTheLatestValue()
    {
        SampleStore store;
        appendSteadyReadings(&store, 600);
        auto plot = makePlot(steadyChannels, &store);
        QVERIFY(QTest::qWaitForWindowExposed(plot.get()));
        plot->setLive(true); // the latest reading, not the one at the right edge
        plot->setFollowLive(false);
        plot->showAll();
        // The axis says the unit as people write it; the readout names the channel and gives its value.
        QCOMPARE(plot->valueAxis(QStringLiteral("temperature"))->label(), QStringLiteral("°C"));
        QCOMPARE(plot->valueAxis(QStringLiteral("ph"))->label(), QStringLiteral("pH"));
        QCOMPARE(plot->valueAxis(QStringLiteral("feed_rate"))->label(), QStringLiteral("mL/h"));
        QCPItemText *temperature = plot->readout(QStringLiteral("temperature"));
        QVERIFY(temperature);
        QCOMPARE(temperature->text(), QStringLiteral("Temperature  37.04 °C"));
        QCOMPARE(plot->readout(QStringLiteral("ph"))->text(), QStringLiteral("pH  7.00"));
        QCOMPARE(plot->readout(QStringLiteral("volume"))->text(), QStringLiteral("Culture volume  1000 mL"));
        QCOMPARE(plot->readout(QStringLiteral("base_rate"))->text(),
                 QStringLiteral("Base rate  — no reading yet"));
        // In the channel's colour, in the top-left corner of its panel.
        QCOMPARE(temperature->color(), plot->graph(QStringLiteral("temperature"))->pen().color());
        plot->plot()->replot(QCustomPlot::rpImmediateRefresh);
        QCPAxisRect *rect = plot->trackRect(QStringLiteral("temperature"));
        const QPointF corner = temperature->topLeft->pixelPosition();
        QVERIFY2(std::abs(corner.x() - rect->left()) < 2 && std::abs(corner.y() - rect->top()) < 2,
                 qPrintable(QStringLiteral("%1,%2 vs %3,%4")
                                .arg(corner.x())
                                .arg(corner.y())
                                .arg(rect->left())
                                .arg(rect->top())));

        // Channels sharing a panel get a line each, below each other.
        PlotLayout layout = plot->plotLayout();
        QVERIFY(layout.moveToPanel(QStringLiteral("base_rate"), layout.panelOf(QStringLiteral("feed_rate"))));
        QVERIFY(plot->setPlotLayout(layout));
        plot->plot()->replot(QCustomPlot::rpImmediateRefresh);
        QCPItemText *feed = plot->readout(QStringLiteral("feed_rate"));
        QCPItemText *base = plot->readout(QStringLiteral("base_rate"));
        QCOMPARE(feed->text(), QStringLiteral("Feed rate  0.0 mL/h"));
        QCOMPARE(base->text(), QStringLiteral("Base rate  — no reading yet"));
        QCOMPARE(base->topLeft->pixelPosition().x(), feed->topLeft->pixelPosition().x());
        QVERIFY(base->topLeft->pixelPosition().y() >= feed->bottomLeft->pixelPosition().y() - 1);

        // A new reading shows with the next redraw (the 30 Hz timer), not per sample.
        const qint64 later = t0 + 600 * 1000;
        store.append({QStringLiteral("temperature"), later, 37.2, QStringLiteral("degC")});
        QCOMPARE(plot->readout(QStringLiteral("temperature"))->text(),
                 QStringLiteral("Temperature  37.04 °C"));
        plot->refresh();
        QCOMPARE(plot->readout(QStringLiteral("temperature"))->text(),
                 QStringLiteral("Temperature  37.20 °C"));

        // A reading that is not Good is not shown as a value.
        store.append(
            {QStringLiteral("temperature"), later + 1000, 37.3, QStringLiteral("degC"), Quality::Uncertain});
        plot->refresh();
        QCOMPARE(plot->readout(QStringLiteral("temperature"))->text(),
                 QStringLiteral("Temperature  — uncertain"));
        store.append(
            {QStringLiteral("temperature"), later + 2000, 0.0, QStringLiteral("degC"), Quality::Bad});
        plot->refresh();
        QCOMPARE(plot->readout(QStringLiteral("temperature"))->text(), QStringLiteral("Temperature  — bad"));
        store.append({QStringLiteral("temperature"), later + 3000, 37.1, QStringLiteral("degC")});
        plot->refresh();
        QCOMPARE(plot->readout(QStringLiteral("temperature"))->text(),
                 QStringLiteral("Temperature  37.10 °C"));
        // Nor is the last value of a channel that went quiet (the station's staleness), until it is Good
        // again.
        plot->setChannelQuality(QStringLiteral("temperature"), Quality::Bad);
        plot->refresh();
        QCOMPARE(plot->readout(QStringLiteral("temperature"))->text(), QStringLiteral("Temperature  — bad"));
        plot->setChannelQuality(QStringLiteral("temperature"), Quality::Good);
        plot->refresh();
        QCOMPARE(plot->readout(QStringLiteral("temperature"))->text(),
                 QStringLiteral("Temperature  37.10 °C"));
    }

    void forecastRoomNeverExceedsTheHistoryShown()
    {
        SampleStore store;
        const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
        for (int i = 0; i <= 90; ++i)
            store.append({QStringLiteral("ph"), nowMs - 90000 + i * 1000, 7.0, QStringLiteral("pH")});
        LivePlot plot(&store, channels);
        plot.resize(1000, 700);
        plot.show();
        plot.setLookaheadSeconds(180.0); // a 3 min forecast
        plot.setFollowLive(true);
        plot.refresh();
        const QCPRange shown = plot.timeAxis(QStringLiteral("ph"))->range();
        const double now = QDateTime::currentMSecsSinceEpoch() / 1000.0;
        const double history = now - shown.lower, ahead = shown.upper - now;
        QVERIFY2(history >= 89.0, qPrintable(QString::number(history)));
        QVERIFY2(ahead >= 85.0 && ahead <= history + 1.0, qPrintable(QString::number(ahead)));
    }

    void timeLabelsShowTheDateOnlyWhenTheSpanCoversDays()
    {
        SampleStore store;
        appendSteadyReadings(&store, 10);
        auto plot = makePlot(steadyChannels, &store);
        const double start = t0 / 1000.0;
        auto format = [&plot] {
            return qSharedPointerCast<QCPAxisTickerDateTime>(plot->timeAxis(QStringLiteral("ph"))->ticker())
                ->dateTimeFormat();
        };
        plot->setTimeRange(start, start + 120);
        QCOMPARE(format(), QStringLiteral("HH:mm:ss"));
        plot->setTimeRange(start, start + 6 * 3600);
        QCOMPARE(format(), QStringLiteral("HH:mm"));
        plot->setTimeRange(start, start + 3 * 86400);
        QCOMPARE(format(), QStringLiteral("dd.MM. HH:mm"));
    }

    void flatSignalsKeepASensibleScaleAndSetRangesWin()
    {
        SampleStore store;
        appendSteadyReadings(&store, 600);
        auto plot = makePlot(steadyChannels, &store);
        QVERIFY(QTest::qWaitForWindowExposed(plot.get()));
        plot->refresh();
        // The stirrer's +-0.3 rpm of noise is not blown up to the panel's height: about 390..410.
        const QCPRange stirrer = plot->valueAxis(QStringLiteral("stirrer"))->range();
        QVERIFY2(stirrer.size() >= 19 && stirrer.contains(400) && stirrer.size() < 40,
                 qPrintable(QStringLiteral("%1..%2").arg(stirrer.lower).arg(stirrer.upper)));
        // A pump at 0 gets 0..1 mL/h, hardly anything below 0.
        const QCPRange feed = plot->valueAxis(QStringLiteral("feed_rate"))->range();
        QVERIFY2(feed.lower <= 0 && feed.lower > -0.1 && feed.upper >= 0.9,
                 qPrintable(QStringLiteral("%1..%2").arg(feed.lower).arg(feed.upper)));
        // The volume held at 1000 mL: 975..1025, not 999..1001.
        QCOMPARE(plot->valueAxis(QStringLiteral("volume"))->range(), QCPRange(975, 1025));

        // A range the operator set is kept, even narrower than the minimum span.
        PlotLayout layout = plot->plotLayout();
        QVERIFY(layout.setManualRange(QStringLiteral("stirrer"), 399.5, 400.5));
        QVERIFY(plot->setPlotLayout(layout));
        plot->setTimeRange(t0 / 1000.0, t0 / 1000.0 + 60);
        QCOMPARE(plot->valueAxis(QStringLiteral("stirrer"))->range(), QCPRange(399.5, 400.5));
        QVERIFY(plot->valueAxis(QStringLiteral("volume"))->range().size() >=
                49); // the others still autoscale
    }

    void aForecastBandWidensTheAxisOnlySoFar()
    {
        SampleStore store;
        appendSteadyReadings(&store, 600);
        auto plot = makePlot(steadyChannels, &store);
        ForecastOverlay overlay(plot.get());
        const double from = t0 / 1000.0 + 300, to = t0 / 1000.0 + 590; // inside the visible span
        QCPAxis *volume = plot->valueAxis(QStringLiteral("volume"));
        auto forecast = [&](double sd) {
            overlay.setForecast(
                {ForecastCurve{QStringLiteral("volume"), {from, to}, {1000, 1000}, {sd / 10, sd}}});
            plot->setTimeRange(t0 / 1000.0, t0 / 1000.0 + 599); // a redraw rescales
        };
        // A band a little wider than the data's scale is shown whole.
        forecast(20); // 960..1040 at the end
        QVERIFY2(volume->range().lower <= 960 && volume->range().upper >= 1040,
                 qPrintable(QStringLiteral("%1..%2").arg(volume->range().lower).arg(volume->range().upper)));
        // A huge one clips: the measured volume keeps its scale (at most twice the 50 mL it has alone).
        forecast(1000);
        QVERIFY2(volume->range().size() <= 100.5 && volume->range().contains(975) &&
                     volume->range().contains(1025),
                 qPrintable(QStringLiteral("%1..%2").arg(volume->range().lower).arg(volume->range().upper)));
    }

    void forecastFollowsItsChannelToTheNewPanel()
    {
        auto plot = makePlot();
        ForecastOverlay overlay(plot.get());
        const double end = (t0 + seconds * 1000) / 1000.0;
        overlay.setForecast({ForecastCurve{
            QStringLiteral("glucose"), {end, end + 60, end + 120}, {11, 10, 9}, {0.1, 0.2, 0.3}}});
        QCPGraph *mean = overlay.meanGraph(QStringLiteral("glucose"));
        QCOMPARE(mean->valueAxis(), plot->valueAxis(QStringLiteral("glucose")));
        moveGlucoseToOdByMenu(plot.get());
        QCOMPARE(mean->valueAxis(), plot->valueAxis(QStringLiteral("glucose")));
        QCOMPARE(mean->keyAxis(), plot->timeAxis(QStringLiteral("glucose")));
        QCOMPARE(overlay.upperGraph(QStringLiteral("glucose"))->valueAxis(),
                 plot->valueAxis(QStringLiteral("glucose")));
        QCOMPARE(overlay.pointCount(QStringLiteral("glucose")), 3);
        // On the glucose axis, not on the panel's first (od) one, and in glucose's colour.
        QVERIFY(mean->valueAxis() != plot->valueAxis(QStringLiteral("od")));
        QCOMPARE(mean->pen().color(), plot->graph(QStringLiteral("glucose"))->pen().color());
        // A new forecast after the move draws there too.
        overlay.setForecast({ForecastCurve{QStringLiteral("od"), {end, end + 60}, {2.4, 2.5}, {0.1, 0.1}}});
        QCOMPARE(overlay.meanGraph(QStringLiteral("od"))->valueAxis(), plot->valueAxis(QStringLiteral("od")));
        QCOMPARE(overlay.meanGraph(QStringLiteral("od"))->valueAxis()->axisRect(),
                 plot->trackRect(QStringLiteral("glucose")));
    }

    void layoutIsSavedPerStationAndRestored()
    {
        const QString station = QStringLiteral("/stations/vessel 7.json");
        auto first = makePlot();
        first->restoreLayout(station);
        QCOMPARE(first->plotLayout(), PlotLayout::combineRelated(channels)); // nothing saved yet
        QVERIFY(first->setPlotLayout(PlotLayout::onePanelPerChannel(channels)));
        moveGlucoseToOdByMenu(first.get());
        PlotLayout fixed = first->plotLayout();
        QVERIFY(fixed.setManualRange(QStringLiteral("ph"), 6.8, 7.4));
        first->setPlotLayout(fixed);
        QCOMPARE(first->valueAxis(QStringLiteral("ph"))->range(), QCPRange(6.8, 7.4));

        auto second = makePlot();
        second->restoreLayout(station);
        QCOMPARE(second->plotLayout(), first->plotLayout());
        QCOMPARE(second->panelCount(), 2);
        QCOMPARE(second->trackRect(QStringLiteral("od")), second->trackRect(QStringLiteral("glucose")));
        QCOMPARE(valueAxisCount(second->trackRect(QStringLiteral("od"))), 2);
        QCOMPARE(second->valueAxis(QStringLiteral("glucose"))->label(), QStringLiteral("g/L"));
        QCOMPARE(second->valueAxis(QStringLiteral("ph"))->range(), QCPRange(6.8, 7.4));

        // Another station keeps its own; a station without glucose drops it from the saved layout.
        auto other = makePlot();
        other->restoreLayout(QStringLiteral("demo"));
        QCOMPARE(other->plotLayout(), PlotLayout::combineRelated(channels));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("\"glucose\"")));
        auto fewer = makePlot({channels.at(0), channels.at(2)});
        fewer->restoreLayout(station);
        QCOMPARE(fewer->plotLayout().panels(), QList<QStringList>({QStringList{"od"}, QStringList{"ph"}}));

        // A layout of other channels is refused.
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("does not hold the plot's channels")));
        QVERIFY(!fewer->setPlotLayout(PlotLayout::onePanelPerChannel(channels)));
        QCOMPARE(fewer->panelCount(), 2);

        // The View > Layout presets.
        QMenu view;
        other->addLayoutMenu(&view);
        QMenu *layout = findAction(&view, QStringLiteral("&Layout"))->menu();
        findAction(layout, QStringLiteral("&Combine related channels"))->trigger();
        QCOMPARE(other->plotLayout().panels(),
                 QList<QStringList>({QStringList{"od", "glucose"}, QStringList{"ph"}}));
        findAction(layout, QStringLiteral("&One panel per channel"))->trigger();
        QCOMPARE(other->panelCount(), 3);
    }

    void runViewerOpensWithTheStationsLayout()
    {
        // RunFileFixture records for station "bench-7".
        PlotLayout combined = PlotLayout::combineRelated(channels);
        QCOMPARE(combined.panelCount(), 2);
        PlotLayoutSettings::save(QStringLiteral("bench-7"), combined);
        const QString run = m_dir.filePath(QStringLiteral("viewer.rdrun"));
        QList<Reading> some = readings().mid(0, 600);
        QVERIFY(RunFileFixture::write(run, some, {}, channels));
        auto *viewer = new RunViewerWindow(run);
        viewer->setAttribute(Qt::WA_DeleteOnClose, false);
        std::unique_ptr<RunViewerWindow> owner(viewer);
        QSignalSpy loaded(viewer, &RunViewerWindow::loaded);
        viewer->show();
        QVERIFY(loaded.wait(10000));
        QVERIFY(viewer->isLoaded());
        QCOMPARE(viewer->plot()->plotLayout().panels(), combined.panels());
        QCOMPARE(viewer->plot()->trackRect(QStringLiteral("od")),
                 viewer->plot()->trackRect(QStringLiteral("glucose")));
        // A past run's readout gives the value at the right edge of what is shown: the run's last reading
        // (200 s: glucose 20 - 199 x 0.0025) with everything in view, then the one at the edge of a zoomed
        // span.
        QCPItemText *glucose = viewer->plot()->readout(QStringLiteral("glucose"));
        QCOMPARE(glucose->text(), QStringLiteral("Glucose  19.5 g/L"));
        viewer->plot()->setTimeRange(t0 / 1000.0, t0 / 1000.0 + 40.5);
        QVERIFY2(glucose->text().startsWith(QStringLiteral("Glucose  19.9")), qPrintable(glucose->text()));
        // Before the first reading there is no value, and no "no reading yet" either: it is history.
        viewer->plot()->setTimeRange(t0 / 1000.0 - 100, t0 / 1000.0 - 50);
        QCOMPARE(glucose->text(), QStringLiteral("Glucose"));
    }
};

QTEST_MAIN(TestPlotPanels)
#include "tst_plot_panels.moc"
