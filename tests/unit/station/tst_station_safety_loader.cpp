// The safety configuration of station files: per-actuator maxChangePerSecond, level and rate-of-change
// alarms, interlocks; the demo station carries the alarms and interlocks the program used to hard-code; every
// mistake is reported with the file, the JSON path and what was expected, and an invalid file loads nothing.
#include "DocumentedStation.h"
#include "StationLoader.h"

#include <QFile>
#include <QTest>

#include <cmath>

namespace {
// One SCPI controller with channels ph and do and actuators feed and base; sections go after "instruments".
QByteArray station(const QByteArray &sections, const QByteArray &feedExtra = {})
{
    return R"({"station": "t", "instruments": [
      {"name": "ctl", "driver": "scpi", "port": "127.0.0.1:5025",
       "channels": [{"name": "ph", "unit": "pH", "min": 0, "max": 14, "query": "PH?"},
                    {"name": "do", "unit": "%sat", "min": 0, "max": 100, "query": "DO?"}],
       "actuators": [{"name": "feed", "unit": "mL/h", "min": 0, "max": 100, "safe": 0, "command": "FEED")" +
           feedExtra + R"(},
                     {"name": "base", "unit": "mL/h", "min": 0, "max": 50, "safe": 5, "command": "BASE"}]}
    ])" + (sections.isEmpty() ? QByteArray() : ", " + sections) +
           "}";
}

StationLoadResult parse(const QByteArray &json)
{
    return StationLoader::parse(json, QStringLiteral("t.json"));
}

const AlarmDefinition *alarm(const StationConfig &config, const QString &id)
{
    for (const AlarmDefinition &d : config.safety.alarms)
        if (d.id == id)
            return &d;
    return nullptr;
}

const Interlock *interlock(const StationConfig &config, const QString &name)
{
    for (const Interlock &i : config.safety.interlocks)
        if (i.name == name)
            return &i;
    return nullptr;
}

ActuatorLimits limitsOf(const StationConfig &config, const QString &actuator)
{
    ActuatorConfig a;
    if (!config.instrumentOfActuator(actuator, &a))
        return {};
    return config.limitsOf(a);
}

void compareLevel(const AlarmDefinition *d, AlarmCondition condition, double limit, double deadband,
                  AlarmPriority priority, const QString &text)
{
    QVERIFY(d);
    QCOMPARE(d->condition, condition);
    QCOMPARE(d->limit, limit);
    QCOMPARE(d->deadband, deadband);
    QCOMPARE(d->priority, priority);
    QCOMPARE(d->text, text);
    QCOMPARE(d->kind, AlarmKind::Process);
}
} // namespace

class TestStationSafetyLoader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // The values ControlSystem::installDemoAlarms/installDemoInterlocks used to hard-code, now in demo.json.
    void demoStationCarriesItsAlarmsAndInterlocks()
    {
        const StationLoadResult result = StationLoader::loadFile(StationLoader::demoStationPath());
        QVERIFY2(result.ok(), qPrintable(result.errors.join('\n')));
        const StationConfig &demo = result.station;
        QCOMPARE(demo.safety.alarms.size(), 8);
        const auto H = AlarmCondition::HighLimit, L = AlarmCondition::LowLimit;
        compareLevel(alarm(demo, QStringLiteral("do.low")), L, 20, 2, AlarmPriority::High,
                     QStringLiteral("dissolved oxygen low"));
        compareLevel(alarm(demo, QStringLiteral("do.crash")), AlarmCondition::RateOfChange, -10, 2,
                     AlarmPriority::High, QStringLiteral("dissolved oxygen falling fast"));
        QCOMPARE(alarm(demo, QStringLiteral("do.crash"))->rateWindowMs, 60000);
        compareLevel(alarm(demo, QStringLiteral("ph.high")), H, 7.6, 0.05, AlarmPriority::Medium,
                     QStringLiteral("pH high"));
        compareLevel(alarm(demo, QStringLiteral("ph.low")), L, 6.4, 0.05, AlarmPriority::Medium,
                     QStringLiteral("pH low"));
        compareLevel(alarm(demo, QStringLiteral("temperature.high")), H, 39, 0.3, AlarmPriority::High,
                     QStringLiteral("temperature high"));
        compareLevel(alarm(demo, QStringLiteral("glucose.high")), H, 40, 2, AlarmPriority::Low,
                     QStringLiteral("glucose high (overfeeding)"));
        compareLevel(alarm(demo, QStringLiteral("volume.high")), H, 1800, 20, AlarmPriority::Medium,
                     QStringLiteral("culture volume high"));
        compareLevel(alarm(demo, QStringLiteral("balance.low")), L, 100, 5, AlarmPriority::Medium,
                     QStringLiteral("feed bottle nearly empty"));
        for (const AlarmDefinition &d : demo.safety.alarms) {
            QCOMPARE(d.onDelayMs, 10000);
            QCOMPARE(d.offDelayMs, 5000);
        }

        const double inf = std::numeric_limits<double>::infinity();
        QCOMPARE(demo.safety.interlocks.size(), 3);
        const Interlock *overflow = interlock(demo, QStringLiteral("overflow"));
        QVERIFY(overflow);
        QCOMPARE(overflow->channel, QStringLiteral("volume"));
        QCOMPARE(overflow->low, -inf);
        QCOMPARE(overflow->high, 2000.0);
        QCOMPARE(overflow->actuators, QStringList{QStringLiteral("feed_pump")});
        QCOMPARE(overflow->text, QStringLiteral("culture volume above the overflow limit: feed stopped"));
        const Interlock *empty = interlock(demo, QStringLiteral("bottle_empty"));
        QVERIFY(empty);
        QCOMPARE(empty->channel, QStringLiteral("balance"));
        QCOMPARE(empty->low, 20.0);
        QCOMPARE(empty->high, inf);
        const Interlock *ph = interlock(demo, QStringLiteral("ph_band"));
        QVERIFY(ph);
        QCOMPARE(ph->low, 5.5);
        QCOMPARE(ph->high, 8.5);
        QCOMPARE(ph->actuators, (QStringList{QStringLiteral("feed_pump"), QStringLiteral("base_pump")}));
        for (const Interlock &i : demo.safety.interlocks)
            QCOMPARE(i.delayMs, 0);

        QCOMPARE(limitsOf(demo, QStringLiteral("feed_pump")).maxChangePerSecond, 50.0);
        QCOMPARE(limitsOf(demo, QStringLiteral("base_pump")).maxChangePerSecond, 25.0);
    }

    void actuatorRateLimitGoesIntoTheLimits()
    {
        const StationLoadResult result = parse(station({}, R"(, "maxChangePerSecond": 2.5)"));
        QVERIFY2(result.ok(), qPrintable(result.errors.join('\n')));
        const ActuatorLimits feed = limitsOf(result.station, QStringLiteral("feed"));
        QCOMPARE(feed.minimum, 0.0);
        QCOMPARE(feed.maximum, 100.0);
        QCOMPARE(feed.safeValue, 0.0);
        QCOMPARE(feed.unit, QStringLiteral("mL/h"));
        QCOMPARE(feed.maxChangePerSecond, 2.5);
        const ActuatorLimits base = limitsOf(result.station, QStringLiteral("base"));
        QCOMPARE(base.safeValue, 5.0);
        QCOMPARE(base.maxChangePerSecond, 0.0); // not given: no rate limit
        QVERIFY(result.station.safety.alarms.isEmpty());
        QVERIFY(result.station.safety.interlocks.isEmpty());
    }

    void everyAlarmFieldIsRead()
    {
        const StationLoadResult result = parse(station(R"("alarms": [
            {"id": "ph.ll", "channel": "ph", "lowLow": 5.8, "priority": "high", "text": "pH very low"},
            {"id": "ph.l", "channel": "ph", "low": 6.2, "deadband": 0.1, "onDelayS": 2.5, "offDelayS": 1,
             "priority": "low", "text": "pH low"},
            {"id": "ph.h", "channel": "ph", "high": 7.4, "text": "pH high"},
            {"id": "ph.hh", "channel": "ph", "highHigh": 7.9, "priority": "high", "text": "pH very high"},
            {"id": "do.fall", "channel": "do", "ratePerMinute": -4, "windowS": 30, "deadband": 0.5,
             "onDelayS": 3, "offDelayS": 4, "priority": "high", "text": "DO falling"},
            {"id": "do.rise", "channel": "do", "ratePerMinute": 6, "text": "DO rising"}
        ])"));
        QVERIFY2(result.ok(), qPrintable(result.errors.join('\n')));
        const StationConfig &s = result.station;
        QCOMPARE(s.safety.alarms.size(), 6);
        QCOMPARE(s.safety.alarms.first().id, QStringLiteral("ph.ll")); // file order kept
        const auto H = AlarmCondition::HighLimit, L = AlarmCondition::LowLimit;
        compareLevel(alarm(s, QStringLiteral("ph.ll")), L, 5.8, 0, AlarmPriority::High,
                     QStringLiteral("pH very low"));
        compareLevel(alarm(s, QStringLiteral("ph.l")), L, 6.2, 0.1, AlarmPriority::Low,
                     QStringLiteral("pH low"));
        QCOMPARE(alarm(s, QStringLiteral("ph.l"))->onDelayMs, 2500);
        QCOMPARE(alarm(s, QStringLiteral("ph.l"))->offDelayMs, 1000);
        QCOMPARE(alarm(s, QStringLiteral("ph.l"))->channel, QStringLiteral("ph"));
        // Priority defaults to medium, deadband and delays to 0.
        compareLevel(alarm(s, QStringLiteral("ph.h")), H, 7.4, 0, AlarmPriority::Medium,
                     QStringLiteral("pH high"));
        QCOMPARE(alarm(s, QStringLiteral("ph.h"))->onDelayMs, 0);
        QCOMPARE(alarm(s, QStringLiteral("ph.h"))->offDelayMs, 0);
        compareLevel(alarm(s, QStringLiteral("ph.hh")), H, 7.9, 0, AlarmPriority::High,
                     QStringLiteral("pH very high"));
        const AlarmDefinition *fall = alarm(s, QStringLiteral("do.fall"));
        compareLevel(fall, AlarmCondition::RateOfChange, -4, 0.5, AlarmPriority::High,
                     QStringLiteral("DO falling"));
        QCOMPARE(fall->rateWindowMs, 30000);
        QCOMPARE(fall->onDelayMs, 3000);
        QCOMPARE(fall->offDelayMs, 4000);
        QCOMPARE(alarm(s, QStringLiteral("do.rise"))->rateWindowMs, 60000); // default window: one minute
        QCOMPARE(alarm(s, QStringLiteral("do.rise"))->limit, 6.0);
    }

    void everyInterlockFieldIsRead()
    {
        const StationLoadResult result = parse(station(R"("interlocks": [
            {"id": "ph_band", "channel": "ph", "below": 5, "above": 9, "delayS": 1.5,
             "actuators": ["feed", "base"], "text": "pH out of band"},
            {"id": "do_high", "channel": "do", "above": 95, "actuators": ["feed"], "text": "DO high"},
            {"id": "do_low", "channel": "do", "below": 2, "actuators": ["base"], "text": "DO low"}
        ])"));
        QVERIFY2(result.ok(), qPrintable(result.errors.join('\n')));
        const double inf = std::numeric_limits<double>::infinity();
        const Interlock *band = interlock(result.station, QStringLiteral("ph_band"));
        QVERIFY(band);
        QCOMPARE(band->channel, QStringLiteral("ph"));
        QCOMPARE(band->low, 5.0);
        QCOMPARE(band->high, 9.0);
        QCOMPARE(band->delayMs, 1500);
        QCOMPARE(band->actuators, (QStringList{QStringLiteral("feed"), QStringLiteral("base")}));
        QCOMPARE(band->text, QStringLiteral("pH out of band"));
        const Interlock *high = interlock(result.station, QStringLiteral("do_high"));
        QVERIFY(high);
        QCOMPARE(high->low, -inf);
        QCOMPARE(high->high, 95.0);
        QCOMPARE(high->delayMs, 0);
        QVERIFY(high->holds(95.0) && !high->holds(95.1));
        const Interlock *low = interlock(result.station, QStringLiteral("do_low"));
        QVERIFY(low);
        QCOMPARE(low->low, 2.0);
        QCOMPARE(low->high, inf);
        QVERIFY(low->holds(2.0) && !low->holds(1.9));
    }

    // The complete example in docs/stations.md is a valid station file with every section.
    void documentedExampleLoads()
    {
        const QByteArray example = documentedStation();
        QVERIFY(!example.isEmpty());
        const StationLoadResult result = parse(example);
        QVERIFY2(result.ok(), qPrintable(result.errors.join('\n')));
        QCOMPARE(result.station.instruments.size(), 5);
        QCOMPARE(result.station.safety.alarms.size(), 7);
        QCOMPARE(result.station.safety.interlocks.size(), 3);
        QCOMPARE(limitsOf(result.station, QStringLiteral("feed_pump")).maxChangePerSecond, 10.0);
        QCOMPARE(limitsOf(result.station, QStringLiteral("base_pump")).maxChangePerSecond, 5.0);
        QCOMPARE(interlock(result.station, QStringLiteral("ph_band"))->delayMs, 30000);
    }

    void errorsNameFilePathAndExpectation_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QStringList>("expected");
        auto alarms = [](const char *items) { return station(QByteArray(R"("alarms": [)") + items + "]"); };
        auto interlocks = [](const char *items) {
            return station(QByteArray(R"("interlocks": [)") + items + "]");
        };
        const QString levels = QStringLiteral("expected exactly one of lowLow, low, high, highHigh (a level "
                                              "alarm) or ratePerMinute (a rate of change alarm)");

        QTest::newRow("negative maxChangePerSecond")
            << station({}, R"(, "maxChangePerSecond": -1)")
            << QStringList{
                   "t.json: $.instruments[0].actuators[0].maxChangePerSecond: expected a number >= 0"};
        QTest::newRow("maxChangePerSecond not a number")
            << station({}, R"(, "maxChangePerSecond": "fast")")
            << QStringList{
                   "t.json: $.instruments[0].actuators[0].maxChangePerSecond: expected a number >= 0"};
        QTest::newRow("unknown top-level key")
            << station(R"("alarm": [])")
            << QStringList{"t.json: $.alarm: expected no such key here (known: station, instruments, alarms, "
                           "interlocks)"};
        QTest::newRow("alarms not an array")
            << station(R"("alarms": {})") << QStringList{"t.json: $.alarms: expected an array"};
        QTest::newRow("alarm not an object")
            << alarms("1") << QStringList{"t.json: $.alarms[0]: expected an object"};
        QTest::newRow("alarm on an unknown channel")
            << alarms(R"({"id": "a", "channel": "temp", "high": 1, "text": "x"})")
            << QStringList{"t.json: $.alarms[0].channel: expected one of the station's channels (do, ph)"};
        QTest::newRow("negative deadband")
            << alarms(R"({"id": "a", "channel": "ph", "high": 8, "deadband": -0.1, "text": "x"})")
            << QStringList{"t.json: $.alarms[0].deadband: expected a number >= 0"};
        QTest::newRow("negative on-delay")
            << alarms(R"({"id": "a", "channel": "ph", "high": 8, "onDelayS": -1, "text": "x"})")
            << QStringList{"t.json: $.alarms[0].onDelayS: expected a number >= 0"};
        QTest::newRow("off-delay not a number")
            << alarms(R"({"id": "a", "channel": "ph", "high": 8, "offDelayS": "5", "text": "x"})")
            << QStringList{"t.json: $.alarms[0].offDelayS: expected a number >= 0"};
        QTest::newRow("low above high")
            << alarms(R"({"id": "ph.high", "channel": "ph", "high": 7.6, "text": "x"},
                         {"id": "ph.low", "channel": "ph", "low": 7.8, "text": "y"})")
            << QStringList{"t.json: $.alarms[1].low: expected a number below the high limit 7.6 of alarm "
                           "\"ph.high\""};
        QTest::newRow("high below highHigh's place")
            << alarms(R"({"id": "ph.hh", "channel": "ph", "highHigh": 7, "text": "x"},
                         {"id": "ph.h", "channel": "ph", "high": 7.5, "text": "y"})")
            << QStringList{"t.json: $.alarms[1].high: expected a number below the highHigh limit 7 of alarm "
                           "\"ph.hh\""};
        QTest::newRow("lowLow above low")
            << alarms(R"({"id": "ph.l", "channel": "ph", "low": 6, "text": "x"},
                         {"id": "ph.ll", "channel": "ph", "lowLow": 6.5, "text": "y"})")
            << QStringList{"t.json: $.alarms[1].lowLow: expected a number below the low limit 6 of alarm "
                           "\"ph.l\""};
        QTest::newRow("unknown priority")
            << alarms(R"({"id": "a", "channel": "ph", "high": 8, "priority": "urgent", "text": "x"})")
            << QStringList{"t.json: $.alarms[0].priority: expected \"high\", \"medium\" or \"low\""};
        QTest::newRow("duplicate alarm id")
            << alarms(R"({"id": "a", "channel": "ph", "high": 8, "text": "x"},
                         {"id": "a", "channel": "do", "low": 8, "text": "y"})")
            << QStringList{"t.json: $.alarms[1].id: expected an alarm id used once in the station (\"a\" is "
                           "taken)"};
        QTest::newRow("reserved alarm id")
            << alarms(R"({"id": "interlock.x", "channel": "ph", "high": 8, "text": "x"})")
            << QStringList{
                   "t.json: $.alarms[0].id: expected an id that does not start with interlock., link. "
                   "or instrument. and is not feed.gravimetric (the program's own alarms use those)"};
        QTest::newRow("no limit") << alarms(R"({"id": "a", "channel": "ph", "text": "x"})")
                                  << QStringList{"t.json: $.alarms[0]: " + levels};
        QTest::newRow("two limits in one alarm")
            << alarms(R"({"id": "a", "channel": "ph", "low": 6, "high": 8, "text": "x"})")
            << QStringList{"t.json: $.alarms[0].high: " + levels};
        QTest::newRow("limit not a number")
            << alarms(R"({"id": "a", "channel": "ph", "high": "8", "text": "x"})")
            << QStringList{"t.json: $.alarms[0].high: expected a number"};
        QTest::newRow("zero rate")
            << alarms(R"({"id": "a", "channel": "do", "ratePerMinute": 0, "text": "x"})")
            << QStringList{"t.json: $.alarms[0].ratePerMinute: expected a rate per minute other than 0 "
                           "(negative: watch falls, positive: rises)"};
        QTest::newRow("zero window")
            << alarms(R"({"id": "a", "channel": "do", "ratePerMinute": -5, "windowS": 0, "text": "x"})")
            << QStringList{"t.json: $.alarms[0].windowS: expected a window in seconds greater than 0"};
        QTest::newRow("window on a level alarm")
            << alarms(R"({"id": "a", "channel": "do", "low": 5, "windowS": 60, "text": "x"})")
            << QStringList{"t.json: $.alarms[0].windowS: expected no windowS on a level alarm (it belongs to "
                           "ratePerMinute)"};
        QTest::newRow("alarm without text")
            << alarms(R"({"id": "a", "channel": "ph", "high": 8})")
            << QStringList{"t.json: $.alarms[0].text: expected a non-empty string"};
        QTest::newRow("alarm with an unknown key")
            << alarms(R"({"id": "a", "channel": "ph", "high": 8, "text": "x", "limit": 3})")
            << QStringList{
                   "t.json: $.alarms[0].limit: expected no such key here (known: id, channel, text, "
                   "priority, deadband, onDelayS, offDelayS, ratePerMinute, windowS, lowLow, low, high, "
                   "highHigh)"};

        QTest::newRow("interlocks not an array")
            << station(R"("interlocks": 3)") << QStringList{"t.json: $.interlocks: expected an array"};
        QTest::newRow("interlock on an unknown channel")
            << interlocks(
                   R"({"id": "i", "channel": "volume", "above": 2, "actuators": ["feed"], "text": "x"})")
            << QStringList{
                   "t.json: $.interlocks[0].channel: expected one of the station's channels (do, ph)"};
        QTest::newRow("interlock on an unknown actuator")
            << interlocks(R"({"id": "i", "channel": "do", "above": 2, "actuators": ["feed", "harvest"],
                              "text": "x"})")
            << QStringList{"t.json: $.interlocks[0].actuators[1]: expected one of the station's actuators "
                           "(base, feed)"};
        QTest::newRow("interlock without actuators")
            << interlocks(R"({"id": "i", "channel": "do", "above": 2, "actuators": [], "text": "x"})")
            << QStringList{"t.json: $.interlocks[0].actuators: expected at least one actuator"};
        QTest::newRow("interlock without a condition")
            << interlocks(R"({"id": "i", "channel": "do", "actuators": ["feed"], "text": "x"})")
            << QStringList{
                   "t.json: $.interlocks[0]: expected \"above\", \"below\" or both (the values beyond "
                   "which the interlock trips)"};
        QTest::newRow("interlock band upside down")
            << interlocks(R"({"id": "i", "channel": "ph", "below": 8, "above": 6, "actuators": ["feed"],
                              "text": "x"})")
            << QStringList{"t.json: $.interlocks[0].above: expected a number greater than below (8)"};
        QTest::newRow("negative interlock delay")
            << interlocks(R"({"id": "i", "channel": "ph", "above": 8, "delayS": -2, "actuators": ["feed"],
                              "text": "x"})")
            << QStringList{"t.json: $.interlocks[0].delayS: expected a number >= 0"};
        QTest::newRow("duplicate interlock id")
            << interlocks(R"({"id": "i", "channel": "ph", "above": 8, "actuators": ["feed"], "text": "x"},
                             {"id": "i", "channel": "do", "below": 1, "actuators": ["base"], "text": "y"})")
            << QStringList{
                   "t.json: $.interlocks[1].id: expected an interlock id used once in the station (\"i\" "
                   "is taken)"};
        QTest::newRow("every mistake reported")
            << station(R"("alarms": [{"id": "a", "channel": "ph", "high": 8, "deadband": -1, "priority": "p",
                                      "text": "x"}],
                          "interlocks": [{"id": "i", "channel": "ph", "above": 8, "actuators": ["x"]}])")
            << QStringList{
                   "t.json: $.alarms[0].priority: expected \"high\", \"medium\" or \"low\"",
                   "t.json: $.alarms[0].deadband: expected a number >= 0",
                   "t.json: $.interlocks[0].actuators[0]: expected one of the station's actuators (base, "
                   "feed)",
                   "t.json: $.interlocks[0].text: expected a non-empty string"};
    }

    void errorsNameFilePathAndExpectation()
    {
        QFETCH(QByteArray, json);
        QFETCH(QStringList, expected);
        const StationLoadResult result = parse(json);
        QCOMPARE(result.errors, expected);
        // Nothing half-loaded: no instruments, no rate limits, no alarms, no interlocks.
        QVERIFY(result.station.instruments.isEmpty());
        QVERIFY(result.station.safety.maxChangePerSecond.isEmpty());
        QVERIFY(result.station.safety.alarms.isEmpty());
        QVERIFY(result.station.safety.interlocks.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestStationSafetyLoader)
#include "tst_station_safety_loader.moc"
