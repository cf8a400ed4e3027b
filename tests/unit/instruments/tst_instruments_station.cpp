// Station files: the demo station loads and uses every driver; every kind of mistake is reported with the
// file, the JSON path and what was expected; the staleness monitor turns silence into Uncertain and Bad.
#include "ChannelStalenessMonitor.h"
#include "StationLoader.h"

#include <QSignalSpy>
#include <QTest>

namespace {
QByteArray station(const QByteArray &instrument)
{
    return R"({"station": "t", "instruments": [)" + instrument + "]}";
}
} // namespace

class TestStation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void demoStationUsesEveryDriver()
    {
        const StationLoadResult result = StationLoader::loadFile(StationLoader::demoStationPath());
        QVERIFY2(result.ok(), qPrintable(result.errors.join('\n')));
        QSet<QString> drivers;
        for (const InstrumentConfig &c : result.station.instruments)
            drivers.insert(c.driver);
        const QStringList all = InstrumentConfig::driverIds();
        QCOMPARE(drivers, QSet<QString>(all.cbegin(), all.cend()));
        QVERIFY(result.station.usesSimulator());
        ActuatorConfig feed;
        const InstrumentConfig *pump =
            result.station.instrumentOfActuator(QStringLiteral("feed_pump"), &feed);
        QVERIFY(pump);
        QCOMPARE(pump->driver, QStringLiteral("reglo-icc"));
        QCOMPARE(feed.safeValue, 0.0);
        QCOMPARE(result.station.channels().size(), 11);
    }

    void errorsNameFilePathAndExpectation_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        const QByteArray balance =
            R"({"name": "b", "driver": "mt-sics", "port": "/dev/ttyUSB0", "channels": [%C]})";
        auto withChannel = [&](const char *channel) {
            return station(QByteArray(balance).replace("%C", channel));
        };
        QTest::newRow("not json") << QByteArray("{\n\"station\": ,}")
                                  << QStringLiteral("t.json: line 2: not valid JSON");
        QTest::newRow("root") << QByteArray("[]") << QStringLiteral("t.json: $: expected an object");
        QTest::newRow("no instruments") << QByteArray(R"({"station": "x"})")
                                        << QStringLiteral("t.json: $.instruments: expected an array");
        QTest::newRow("unknown driver")
            << station(R"({"name": "x", "driver": "foo", "port": "a", "channels": []})")
            << QStringLiteral("t.json: $.instruments[0].driver: expected one of mt-sics");
        QTest::newRow("tcp port")
            << station(R"({"name": "x", "driver": "scpi", "port": "localhost", "channels": []})")
            << QStringLiteral("t.json: $.instruments[0].port: expected host:port");
        QTest::newRow("unit missing")
            << withChannel(R"({"name": "w", "min": 0, "max": 1})")
            << QStringLiteral("t.json: $.instruments[0].channels[0].unit: expected a non-empty string");
        QTest::newRow("range")
            << withChannel(R"({"name": "w", "unit": "g", "min": 5, "max": 1})")
            << QStringLiteral("t.json: $.instruments[0].channels[0].max: expected a number greater than min");
        QTest::newRow("typo key")
            << withChannel(R"({"name": "w", "unit": "g", "min": 0, "max": 1, "maxx": 2})")
            << QStringLiteral("t.json: $.instruments[0].channels[0].maxx: expected no such key");
        QTest::newRow("poll period")
            << station(
                   R"({"name": "b", "driver": "mt-sics", "port": "/dev/x", "pollPeriodMs": 0.5, "channels": [{"name": "w", "unit": "g", "min": 0, "max": 1}]})")
            << QStringLiteral("t.json: $.instruments[0].pollPeriodMs: expected a whole number from 50");
        QTest::newRow("safe outside limits")
            << station(
                   R"({"name": "p", "driver": "reglo-icc", "port": "/dev/x", "channels": [{"name": "r", "unit": "mL/h", "min": 0, "max": 1}], "actuators": [{"name": "f", "unit": "mL/h", "min": 0, "max": 10, "safe": 20}]})")
            << QStringLiteral("t.json: $.instruments[0].actuators[0].safe: expected a number within the hard "
                              "limits 0 to 10");
        QTest::newRow("reglo address")
            << station(
                   R"({"name": "p", "driver": "reglo-icc", "port": "/dev/x", "address": 9, "channels": [{"name": "r", "unit": "mL/h", "min": 0, "max": 1}], "actuators": [{"name": "f", "unit": "mL/h", "min": 0, "max": 10, "safe": 0}]})")
            << QStringLiteral("t.json: $.instruments[0].address: expected a pump address from 1 to 8");
        QTest::newRow("modbus point")
            << station(
                   R"({"name": "m", "driver": "modbus-tcp", "port": "h:502", "channels": [{"name": "v", "unit": "mL", "min": 0, "max": 1, "modbus": {"register": 0, "type": "f64"}}]})")
            << QStringLiteral("t.json: $.instruments[0].channels[0].modbus.type: expected one of u16, i16, "
                              "u32, i32, f32");
        QTest::newRow("duplicate channel")
            << station(
                   R"({"name": "a", "driver": "mt-sics", "port": "/dev/x", "channels": [{"name": "w", "unit": "g", "min": 0, "max": 1}]},
                          {"name": "b", "driver": "mt-sics", "port": "/dev/y", "channels": [{"name": "w", "unit": "g", "min": 0, "max": 1}]})")
            << QStringLiteral("t.json: $.instruments[1].channels[0].name: expected a channel name used once");
    }
    void errorsNameFilePathAndExpectation()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        const StationLoadResult result = StationLoader::parse(json, QStringLiteral("t.json"));
        QVERIFY(!result.ok());
        QVERIFY(result.station.instruments.isEmpty()); // nothing half-loaded
        const bool found = std::any_of(result.errors.cbegin(), result.errors.cend(),
                                       [&](const QString &e) { return e.startsWith(expected); });
        QVERIFY2(found, qPrintable(result.errors.join('\n')));
    }

    void allErrorsAreReportedAtOnce()
    {
        const StationLoadResult result = StationLoader::parse(
            station(
                R"({"name": "b", "driver": "mt-sics", "port": 5, "channels": [{"name": "w", "min": "0", "max": 1}]})"),
            QStringLiteral("t.json"));
        QCOMPARE(result.errors.size(), 3); // port, unit, min
    }

    void missingFileIsNamed()
    {
        const StationLoadResult result = StationLoader::loadFile(QStringLiteral("/nonexistent/bench.json"));
        QCOMPARE(result.errors.size(), 1);
        QVERIFY(result.errors.first().startsWith(QStringLiteral("/nonexistent/bench.json: cannot read")));
    }

    void silenceTurnsUncertainThenBad()
    {
        ChannelStalenessMonitor monitor(nullptr, 10);
        QSignalSpy changes(&monitor, &ChannelStalenessMonitor::qualityChanged);
        monitor.addChannel(QStringLiteral("ph"), 40);
        monitor.noteReading({QStringLiteral("ph"), 0, 7.0, QStringLiteral("pH"), Quality::Good});
        QCOMPARE(monitor.quality(QStringLiteral("ph")), Quality::Good);
        // Uncertain after 3 x 40 ms, Bad after 5 x 40 ms: the order is read from the signals, since a poll on a
        // loaded machine can miss the 80 ms Uncertain span.
        QTRY_COMPARE(monitor.quality(QStringLiteral("ph")), Quality::Bad);
        QCOMPARE(changes.size(), 2);
        QCOMPARE(changes.at(0).at(1).value<Quality>(), Quality::Uncertain);
        QCOMPARE(changes.at(1).at(1).value<Quality>(), Quality::Bad);
        monitor.noteReading({QStringLiteral("ph"), 0, 7.0, QStringLiteral("pH"), Quality::Good});
        QCOMPARE(monitor.quality(QStringLiteral("ph")), Quality::Good);
        QCOMPARE(changes.size(), 3);
        monitor.markUnavailable(QStringLiteral("ph"));
        QCOMPARE(monitor.quality(QStringLiteral("ph")), Quality::Bad);
    }

    void uncertainReadingStaysUncertainWhileFresh()
    {
        ChannelStalenessMonitor monitor(nullptr, 10);
        monitor.addChannel(QStringLiteral("w"), 1000);
        monitor.noteReading({QStringLiteral("w"), 0, 1.0, QStringLiteral("g"), Quality::Uncertain});
        QTest::qWait(50);
        QCOMPARE(monitor.quality(QStringLiteral("w")), Quality::Uncertain);
    }
};

QTEST_GUILESS_MAIN(TestStation)
#include "tst_instruments_station.moc"
