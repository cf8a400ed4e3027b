// The arithmetic behind the plot's value axes and readouts, without widgets: the minimum span a flat signal
// gets, keeping a rate at its floor of 0 off the negative side, how far a forecast band may widen an axis,
// the decimals a readout shows, and the readout's wording for values that are not Good.
#include "ChannelReadout.h"
#include "ValueAxisScale.h"

#include <QTest>

namespace {
const ChannelInfo stirrer{QStringLiteral("stirrer"), QStringLiteral("rpm"), QStringLiteral("Stirrer speed"),
                          0, 1500};
const ChannelInfo feed{QStringLiteral("feed_rate"), QStringLiteral("mL/h"), QStringLiteral("Feed rate"), 0,
                       500};
const ChannelInfo volume{QStringLiteral("volume"), QStringLiteral("mL"), QStringLiteral("Culture volume"), 0,
                         5000};
const ChannelInfo od{QStringLiteral("od"), QStringLiteral("OD600"), QStringLiteral("Optical density"), 0,
                     200};
const ChannelInfo ph{QStringLiteral("ph"), QStringLiteral("pH"), QStringLiteral("pH"), 4, 9};
const ChannelInfo temperature{QStringLiteral("temperature"), QStringLiteral("degC"),
                              QStringLiteral("Temperature"), 20, 45};
const ChannelInfo unranged{QStringLiteral("x"), QStringLiteral("u"), QStringLiteral("X"), 0, 0};

double span(const ValueAxisScale::Range &range)
{
    return range.upper - range.lower;
}
} // namespace

class TestPlotScale : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aFlatSignalGetsASensibleSpan()
    {
        // The stirrer at 400 with +-0.3 rpm of noise: about 390..410, not 399.6..400.2.
        ValueAxisScale::Range range = ValueAxisScale::fit(399.7, 400.3, stirrer);
        QVERIFY2(qAbs(range.lower - 390) < 0.1 && qAbs(range.upper - 410) < 0.1,
                 qPrintable(QStringLiteral("%1..%2").arg(range.lower).arg(range.upper)));
        // The volume at 1000 mL: 975..1025; 5 % of the value, capped at 2 % of 0..5000.
        range = ValueAxisScale::fit(1000, 1000, volume);
        QCOMPARE(range.lower, 975.0);
        QCOMPARE(range.upper, 1025.0);
        QCOMPARE(ValueAxisScale::minimumSpan(volume, 4000), 100.0);
        // Early growth on a wide plausibility range (0..200 OD) is not flattened: 0.5 -> 0.8 keeps its scale.
        range = ValueAxisScale::fit(0.5, 0.8, od);
        QVERIFY2(span(range) < 0.5, qPrintable(QString::number(span(range))));
        QVERIFY(range.lower <= 0.5 && range.upper >= 0.8);
        // Without a configured range: 5 % of the magnitude, else 1.
        QCOMPARE(span(ValueAxisScale::fit(200, 200, unranged)), 10.0);
        QCOMPARE(span(ValueAxisScale::fit(0, 0, unranged)), 1.0);
        // Data wider than the minimum: 10 % headroom each side, nothing more.
        range = ValueAxisScale::fit(6.0, 8.0, ph);
        QCOMPARE(range.lower, 5.8);
        QCOMPARE(range.upper, 8.2);
    }

    void aRateAtItsFloorHasNoNegativeHalf()
    {
        const ValueAxisScale::Range range = ValueAxisScale::fit(0, 0, feed);
        QVERIFY2(range.lower < 0 && range.lower > -0.1, qPrintable(QString::number(range.lower)));
        QVERIFY2(range.upper >= 0.9, qPrintable(QString::number(range.upper)));
        // A value below the configured range is not hidden by the shift.
        const ValueAxisScale::Range below = ValueAxisScale::fit(-3, -3, feed);
        QVERIFY(below.lower < -3 && below.upper > -3);
    }

    void aSharedAxisScalesByTheUnionOfItsChannelsRanges()
    {
        const ChannelInfo harvest{QStringLiteral("harvest_rate"), QStringLiteral("mL/h"),
                                  QStringLiteral("Harvest rate"), 0, 800};
        const ChannelInfo base{QStringLiteral("base_rate"), QStringLiteral("mL/h"),
                               QStringLiteral("Base rate"), -10, 200};
        const ChannelInfo unrangedRate{QStringLiteral("bleed"), QStringLiteral("mL/h"),
                                       QStringLiteral("Bleed"), 0, 0};
        ChannelInfo scale = ValueAxisScale::combined({feed, harvest, base, unrangedRate});
        QCOMPARE(scale.name, feed.name);
        QCOMPARE(scale.minimum, -10.0);
        QCOMPARE(scale.maximum, 800.0);
        // The same whichever channel comes first: a channel without a range adds nothing.
        scale = ValueAxisScale::combined({unrangedRate, base, harvest, feed});
        QCOMPARE(scale.minimum, -10.0);
        QCOMPARE(scale.maximum, 800.0);
        QCOMPARE(ValueAxisScale::combined({unrangedRate}).maximum, 0.0);
        // One channel: its own range.
        QCOMPARE(ValueAxisScale::combined({feed}).maximum, 500.0);
    }

    void aForecastBandWidensTheAxisOnlySoFar()
    {
        const ValueAxisScale::Range fitted = ValueAxisScale::fit(1000, 1000, volume); // 975..1025
        // A band inside changes nothing; a slightly wider one is taken in whole.
        ValueAxisScale::Range range = ValueAxisScale::withBand(fitted, 990, 1010);
        QCOMPARE(range.lower, fitted.lower);
        QCOMPARE(range.upper, fitted.upper);
        range = ValueAxisScale::withBand(fitted, 960, 1040);
        QVERIFY(range.lower < 960 && range.upper > 1040);
        // A huge band: half the fitted span more each side at most, the rest is clipped.
        range = ValueAxisScale::withBand(fitted, -5000, 7000);
        QCOMPARE(range.lower, 950.0);
        QCOMPARE(range.upper, 1050.0);
    }

    void readoutDecimalsFollowTheAxis_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<double>("span");
        QTest::addColumn<int>("decimals");
        QTest::newRow("temperature") << 37.006 << 0.7 << 2;
        QTest::newRow("pH") << 6.832 << 0.17 << 2;
        QTest::newRow("dissolved oxygen") << 85.8 << 15.0 << 1;
        QTest::newRow("glucose near zero") << 1.7 << 10.5 << 2;
        QTest::newRow("volume") << 1000.3 << 50.0 << 0;
        QTest::newRow("pump at zero") << 0.0 << 1.0 << 1;
        QTest::newRow("tiny value, wide axis") << 0.0001 << 10.0 << 2;
        QTest::newRow("no span") << 5.0 << 0.0 << 2;
        QTest::newRow("a tenth, as computed") << 7.0 << (1.0 - 0.9) << 2;
        QTest::newRow("a thousand") << 1000.0 << 10.0 << 0;
    }
    void readoutDecimalsFollowTheAxis()
    {
        QFETCH(double, value);
        QFETCH(double, span);
        QFETCH(int, decimals);
        QCOMPARE(ValueAxisScale::decimalsFor(value, span), decimals);
    }

    void shortPanelsGetFewTicks()
    {
        QCOMPARE(ValueAxisScale::tickCountFor(65), 3);
        QCOMPARE(ValueAxisScale::tickCountFor(0), 3);
        QCOMPARE(ValueAxisScale::tickCountFor(2000), 8);
    }

    void readoutLines()
    {
        using Value = ChannelReadout::Value;
        QCOMPARE(ChannelReadout::line(temperature, Value{37.006, Quality::Good}, 2, true),
                 QStringLiteral("Temperature  37.01 °C"));
        // The unit is not repeated where it is the label; the axis still says "pH".
        QCOMPARE(ChannelReadout::line(ph, Value{6.832, Quality::Good}, 2, true), QStringLiteral("pH  6.83"));
        QCOMPARE(ChannelReadout::unitText(ph), QString());
        QCOMPARE(ChannelReadout::line(temperature, Value{37.0, Quality::Uncertain}, 2, true),
                 QStringLiteral("Temperature  — uncertain"));
        QCOMPARE(ChannelReadout::line(temperature, Value{37.0, Quality::Bad}, 2, true),
                 QStringLiteral("Temperature  — bad"));
        QCOMPARE(ChannelReadout::line(temperature, Value{qQNaN(), Quality::Good}, 2, true),
                 QStringLiteral("Temperature  — bad"));
        QCOMPARE(ChannelReadout::line(temperature, std::nullopt, 2, true),
                 QStringLiteral("Temperature  — no reading yet"));
        // A past run with no value at hand names the channel only.
        QCOMPARE(ChannelReadout::line(temperature, std::nullopt, 2, false), QStringLiteral("Temperature"));
    }
};

QTEST_APPLESS_MAIN(TestPlotScale)
#include "tst_plot_scale.moc"
