// The plot layout model without any widget: presets, moving, splitting and combining panels, manual ranges,
// which channels of a panel share a value axis and how they agree on its range, the JSON round trip, saved
// layouts that name channels the station no longer has, and the QSettings store.
#include "PlotLayout.h"
#include "PlotLayoutSettings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

namespace {
ChannelInfo channel(const char *name, const char *unit)
{
    return ChannelInfo{QString::fromLatin1(name), QString::fromLatin1(unit), QString::fromLatin1(name), 0, 1};
}

// The demo station's channels, in its order.
const QList<ChannelInfo> demo = {
    channel("balance", "g"),        channel("feed_rate", "mL/h"), channel("ph", "pH"),
    channel("temperature", "degC"), channel("do", "%sat"),        channel("od", "OD600"),
    channel("glucose", "g/L"),      channel("volume", "mL"),      channel("base_rate", "mL/h")};

QList<QStringList> panels(std::initializer_list<QStringList> list)
{
    return QList<QStringList>(list);
}
} // namespace

class TestPlotLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void presets()
    {
        QCOMPARE(PlotLayout::onePanelPerChannel(demo).panelCount(), demo.size());
        const PlotLayout combined = PlotLayout::combineRelated(demo);
        QCOMPARE(combined.panels(), panels({{"balance"},
                                            {"feed_rate", "base_rate"},
                                            {"ph"},
                                            {"temperature"},
                                            {"do"},
                                            {"od", "glucose"},
                                            {"volume"}}));
        // Six channels of one unit: no panel gets more axes than maxCombined.
        QList<ChannelInfo> temperatures;
        for (const char *name : {"t1", "t2", "t3", "t4", "t5", "t6"})
            temperatures << channel(name, "degC");
        QCOMPARE(PlotLayout::combineRelated(temperatures).panels(),
                 panels({{"t1", "t2", "t3", "t4"}, {"t5", "t6"}}));
    }

    void moveSplitCombine()
    {
        PlotLayout layout = PlotLayout::onePanelPerChannel(demo);
        QVERIFY(layout.moveToPanel(QStringLiteral("glucose"), layout.panelOf(QStringLiteral("od"))));
        QCOMPARE(layout.panelCount(), demo.size() - 1); // glucose's own panel is gone
        QCOMPARE(layout.panels().at(5), QStringList({"od", "glucose"}));
        QCOMPARE(layout.panelOf(QStringLiteral("volume")), 6);
        // Refused, nothing changed: unknown channel or panel, the panel it is in.
        const PlotLayout before = layout;
        QVERIFY(!layout.moveToPanel(QStringLiteral("nope"), 0));
        QVERIFY(!layout.moveToPanel(QStringLiteral("od"), 99));
        QVERIFY(!layout.moveToPanel(QStringLiteral("od"), -1));
        QVERIFY(!layout.moveToPanel(QStringLiteral("od"), 5));
        QVERIFY(!layout.moveToNewPanel(QStringLiteral("ph"))); // alone already
        QVERIFY(!layout.combinePanels(2, 2));
        QVERIFY(!layout.combinePanels(0, 42));
        QCOMPARE(layout, before);

        // Split: right below the panel it came from.
        QVERIFY(layout.moveToNewPanel(QStringLiteral("od")));
        QCOMPARE(layout.panels().at(5), QStringList({"glucose"}));
        QCOMPARE(layout.panels().at(6), QStringList({"od"}));
        QCOMPARE(layout.panelCount(), demo.size());

        // Combine: every channel of one panel joins the other.
        QVERIFY(layout.combinePanels(layout.panelOf(QStringLiteral("base_rate")),
                                     layout.panelOf(QStringLiteral("feed_rate"))));
        QCOMPARE(layout.panels().at(1), QStringList({"feed_rate", "base_rate"}));
        QCOMPARE(layout.panelCount(), demo.size() - 1);
        QVERIFY(layout.moveToPanel(QStringLiteral("feed_rate"), 0));
        QCOMPARE(layout.panels().at(0), QStringList({"balance", "feed_rate"}));
        QCOMPARE(layout.panels().at(1), QStringList({"base_rate"}));
    }

    void manualRanges()
    {
        PlotLayout layout = PlotLayout::onePanelPerChannel(demo);
        QVERIFY(!layout.hasManualRange(QStringLiteral("ph")));
        QVERIFY(layout.setManualRange(QStringLiteral("ph"), 6.5, 7.5));
        QVERIFY(layout.hasManualRange(QStringLiteral("ph")));
        QCOMPARE(layout.manualRange(QStringLiteral("ph")), (PlotLayout::ValueRange{6.5, 7.5}));
        QVERIFY(!layout.setManualRange(QStringLiteral("ph"), 7.5, 6.5));
        QVERIFY(!layout.setManualRange(QStringLiteral("ph"), 7, 7));
        QVERIFY(!layout.setManualRange(QStringLiteral("ph"), qQNaN(), 7));
        QVERIFY(!layout.setManualRange(QStringLiteral("nope"), 0, 1));
        QCOMPARE(layout.manualRange(QStringLiteral("ph")), (PlotLayout::ValueRange{6.5, 7.5}));
        // A new arrangement keeps the ranges.
        PlotLayout combined = PlotLayout::combineRelated(demo);
        combined.copyManualRanges(layout);
        QCOMPARE(combined.manualRange(QStringLiteral("ph")), (PlotLayout::ValueRange{6.5, 7.5}));
        layout.clearManualRange(QStringLiteral("ph"));
        QVERIFY(!layout.hasManualRange(QStringLiteral("ph")));
    }

    void channelsOfOneUnitShareAValueAxis()
    {
        const QList<ChannelInfo> panel = {
            channel("feed_rate", "mL/h"),
            channel("od", "OD600"),
            channel("harvest_rate", "mL/h"),
            channel("glucose", "g/L"),
            channel("t1", "degC"),
            ChannelInfo{QStringLiteral("t2"), QStringLiteral("°C"), QStringLiteral("t2"), 0, 1},
            channel("a", ""),
            channel("b", "")};
        // In the order of each axis's first channel; the unit as shown decides (degC is °C); no unit, no
        // sharing.
        QCOMPARE(PlotLayout::valueAxes(panel),
                 panels({{"feed_rate", "harvest_rate"}, {"od"}, {"glucose"}, {"t1", "t2"}, {"a"}, {"b"}}));
        QCOMPARE(PlotLayout::valueAxes({}), panels({}));
    }

    void channelsOnASharedAxisAgreeOnItsRange()
    {
        PlotLayout layout = PlotLayout::onePanelPerChannel(demo);
        QVERIFY(!layout.alignSharedAxisRanges(demo)); // nothing shared yet
        QVERIFY(layout.setManualRange(QStringLiteral("base_rate"), 0, 20));
        QVERIFY(layout.setManualRange(QStringLiteral("ph"), 6, 8));
        // The feed (autoscaling) joins the base rate's panel: the fixed range wins over autoscale.
        QVERIFY(layout.moveToPanel(QStringLiteral("feed_rate"), layout.panelOf(QStringLiteral("base_rate"))));
        QVERIFY(layout.alignSharedAxisRanges(demo));
        QCOMPARE(layout.manualRange(QStringLiteral("feed_rate")), (PlotLayout::ValueRange{0, 20}));
        QVERIFY(!layout.alignSharedAxisRanges(demo));
        // pH joins too, with another unit: its own axis, its own range.
        QVERIFY(layout.moveToPanel(QStringLiteral("ph"), layout.panelOf(QStringLiteral("base_rate"))));
        QVERIFY(!layout.alignSharedAxisRanges(demo));
        QCOMPARE(layout.manualRange(QStringLiteral("ph")), (PlotLayout::ValueRange{6, 8}));
        // Moved out, each keeps the range; moved into a panel whose axis of its unit is fixed otherwise, the
        // axis's range wins: it is the first channel's.
        QVERIFY(layout.moveToNewPanel(QStringLiteral("feed_rate")));
        QVERIFY(layout.setManualRange(QStringLiteral("feed_rate"), 5, 50));
        QVERIFY(layout.moveToPanel(QStringLiteral("base_rate"), layout.panelOf(QStringLiteral("feed_rate"))));
        QVERIFY(layout.alignSharedAxisRanges(demo));
        QCOMPARE(layout.manualRange(QStringLiteral("base_rate")), (PlotLayout::ValueRange{5, 50}));
        QCOMPARE(layout.manualRange(QStringLiteral("feed_rate")), (PlotLayout::ValueRange{5, 50}));
    }

    void jsonRoundTrip()
    {
        PlotLayout layout = PlotLayout::combineRelated(demo);
        QVERIFY(layout.moveToPanel(QStringLiteral("ph"), 0));
        QVERIFY(layout.setManualRange(QStringLiteral("glucose"), 0, 25.5));
        const QByteArray saved = QJsonDocument(layout.toJson()).toJson();
        QStringList warnings;
        const PlotLayout restored =
            PlotLayout::fromJson(QJsonDocument::fromJson(saved).object(), demo, &warnings);
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(QLatin1Char('\n'))));
        QCOMPARE(restored, layout);
        QCOMPARE(restored.panels(), layout.panels());
        QCOMPARE(restored.manualRange(QStringLiteral("glucose")), (PlotLayout::ValueRange{0, 25.5}));
    }

    void unknownChannelsInASavedLayoutAreLeftOutWithAWarning()
    {
        const QJsonObject saved = QJsonDocument::fromJson(R"({"panels": [["od", "turbidity", "glucose"],
                                                                          ["ph", "od"], ["gone"]],
                                                              "manualRanges": {"gone": [0, 1], "ph": [8, 7]}})")
                                      .object();
        const QList<ChannelInfo> channels = {channel("ph", "pH"), channel("od", "OD600"),
                                             channel("glucose", "g/L"), channel("volume", "mL")};
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("panel 1 names channel \"turbidity\"")));
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("panel 3 names channel \"gone\"")));
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("manual range for channel \"gone\"")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("manual range of \"ph\"")));
        QStringList warnings;
        const PlotLayout layout = PlotLayout::fromJson(saved, channels, &warnings);
        QCOMPARE(warnings.size(), 4);
        QVERIFY(warnings.first().contains(QStringLiteral("turbidity")));
        // od kept once (where it was first), the empty panel dropped, volume (not saved) at the end.
        QCOMPARE(layout.panels(), panels({{"od", "glucose"}, {"ph"}, {"volume"}}));
        QVERIFY(!layout.hasManualRange(QStringLiteral("ph")));

        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("\"panels\" is not a list")));
        warnings.clear();
        QCOMPARE(PlotLayout::fromJson(QJsonObject{{QStringLiteral("panels"), 3}}, channels, &warnings),
                 PlotLayout::onePanelPerChannel(channels));
        QCOMPARE(warnings.size(), 1);
    }

    void settingsKeepALayoutPerStation()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir.path());
        const QString stationA = QStringLiteral("/srv/stations/vessel-a.json"),
                      stationB = QStringLiteral("demo");
        // Nothing saved: related channels share panels.
        QCOMPARE(PlotLayoutSettings::load(stationA, demo), PlotLayout::combineRelated(demo));
        PlotLayout combined = PlotLayout::combineRelated(demo);
        QVERIFY(combined.setManualRange(QStringLiteral("od"), 0, 4));
        PlotLayoutSettings::save(stationA, combined);
        QCOMPARE(PlotLayoutSettings::load(stationA, demo), combined);
        QCOMPARE(PlotLayoutSettings::load(stationB, demo), PlotLayout::combineRelated(demo));

        QSettings().setValue(QStringLiteral("plot/layouts/demo"), QStringLiteral("{not json"));
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("station demo is not a JSON object")));
        QStringList warnings;
        QCOMPARE(PlotLayoutSettings::load(stationB, demo, &warnings), PlotLayout::onePanelPerChannel(demo));
        QCOMPARE(warnings.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestPlotLayout)
#include "tst_plot_layout.moc"
