// From the session's SampleStore to the soft sensor's measurements: binning, scaling, Bad readings left out.
#include "MeasurementBinning.h"
#include "SampleStore.h"

#include <QtTest>

class TestMeasurementBinning : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void binsScalesAndSkipsBadReadings();
};

void TestMeasurementBinning::binsScalesAndSkipsBadReadings()
{
    SampleStore store;
    const std::int64_t startMs = 1'700'000'000'000;
    auto add = [&](const char *channel, double minutes, double value, Quality quality = Quality::Good) {
        Reading r;
        r.channel = channel;
        r.sourceTimeMs = startMs + std::int64_t(minutes * 60'000);
        r.value = value;
        r.quality = quality;
        store.append(r);
    };
    add("od600", 1, 2.0);
    add("od600", 3, 3.0);
    add("od600", 4, 100.0, Quality::Bad); // never reaches the model
    add("glucose", 2, 5.0, Quality::Uncertain);
    add("od600", 12, 4.0); // second bin: no glucose there
    add("ph", 2, 7.0);     // not mapped
    add("od600", -5, 9.0); // before the run started

    const MeasurementTable table = measurementsFromStore(
        store, {{"od600", MeasuredQuantity::X, 0.4}, {"glucose", MeasuredQuantity::S, 1.0}}, startMs / 1000.0,
        300.0);
    QVERIFY(table.ok());
    QCOMPARE(table.rows.size(), std::size_t(2));
    QCOMPARE(table.rows[0].tHours, 2.5 / 60.0);
    QCOMPARE(table.rows[0].value(MeasuredQuantity::X), 0.4 * 2.5);
    QCOMPARE(table.rows[0].value(MeasuredQuantity::S), 5.0);
    QCOMPARE(table.rows[1].tHours, 12.5 / 60.0);
    QCOMPARE(table.rows[1].value(MeasuredQuantity::X), 0.4 * 4.0);
    QVERIFY(!table.rows[1].has(MeasuredQuantity::S)); // missing, not zero
    QVERIFY(table.columnPresent[std::size_t(MeasuredQuantity::X)]);
    QVERIFY(table.columnPresent[std::size_t(MeasuredQuantity::S)]);
    QVERIFY(!table.columnPresent[std::size_t(MeasuredQuantity::C)]);
}

QTEST_GUILESS_MAIN(TestMeasurementBinning)
#include "test_models_measurement_binning.moc"
