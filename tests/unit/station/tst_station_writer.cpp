// Writing a running station back to its file: what is written loads as the same StationConfig (the demo
// station and the docs/stations.md example), keys the program does not own survive where their instrument
// still exists, an invalid station is refused with the loader's errors and the file untouched, the previous
// file is kept as <file>.bak, and the built-in demo cannot be overwritten.
#include "DocumentedStation.h"
#include "StationLoader.h"
#include "StationWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {
QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QJsonObject jsonOf(const QByteArray &bytes)
{
    return QJsonDocument::fromJson(bytes).object();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

void compareModbus(const ModbusPoint &a, const ModbusPoint &b)
{
    QCOMPARE(a.address, b.address);
    QCOMPARE(a.input, b.input);
    QCOMPARE(a.format.type, b.format.type);
    QCOMPARE(a.format.lowWordFirst, b.format.lowWordFirst);
    QCOMPARE(a.format.scale, b.format.scale);
}

void compareInstrument(const InstrumentConfig &a, const InstrumentConfig &b)
{
    QCOMPARE(a.name, b.name);
    QCOMPARE(a.driver, b.driver);
    QCOMPARE(a.port, b.port);
    QCOMPARE(a.baudRate, b.baudRate);
    QCOMPARE(a.frameFormat, b.frameFormat);
    QCOMPARE(a.xonXoff, b.xonXoff);
    QCOMPARE(a.address, b.address);
    QCOMPARE(a.pollPeriodMs, b.pollPeriodMs);
    QCOMPARE(a.timeoutMs, b.timeoutMs);
    QCOMPARE(a.stabilityTimeoutMs, b.stabilityTimeoutMs);
    QCOMPARE(a.channels.size(), b.channels.size());
    for (int i = 0; i < a.channels.size(); ++i) {
        QCOMPARE(a.channels.at(i).name, b.channels.at(i).name);
        QCOMPARE(a.channels.at(i).unit, b.channels.at(i).unit);
        QCOMPARE(a.channels.at(i).label, b.channels.at(i).label);
        QCOMPARE(a.channels.at(i).minimum, b.channels.at(i).minimum);
        QCOMPARE(a.channels.at(i).maximum, b.channels.at(i).maximum);
    }
    QCOMPARE(a.scpiQueries, b.scpiQueries);
    QCOMPARE(a.arcRegisters, b.arcRegisters);
    QCOMPARE(a.modbusPoints.keys(), b.modbusPoints.keys());
    for (const QString &channel : a.modbusPoints.keys())
        compareModbus(a.modbusPoints.value(channel), b.modbusPoints.value(channel));
    QCOMPARE(a.actuators.size(), b.actuators.size());
    for (int i = 0; i < a.actuators.size(); ++i) {
        const ActuatorConfig &x = a.actuators.at(i), &y = b.actuators.at(i);
        QCOMPARE(x.name, y.name);
        QCOMPARE(x.unit, y.unit);
        QCOMPARE(x.minimum, y.minimum);
        QCOMPARE(x.maximum, y.maximum);
        QCOMPARE(x.safeValue, y.safeValue);
        QCOMPARE(x.scpiCommand, y.scpiCommand);
        compareModbus(x.modbusPoint, y.modbusPoint);
    }
}

void compareStations(const StationConfig &a, const StationConfig &b)
{
    QCOMPARE(a.name, b.name);
    QCOMPARE(a.instruments.size(), b.instruments.size());
    for (int i = 0; i < a.instruments.size(); ++i) {
        compareInstrument(a.instruments.at(i), b.instruments.at(i));
        if (QTest::currentTestFailed())
            return;
    }
    QCOMPARE(a.safety.maxChangePerSecond, b.safety.maxChangePerSecond);
    QCOMPARE(a.safety.alarms.size(), b.safety.alarms.size());
    for (int i = 0; i < a.safety.alarms.size(); ++i) {
        const AlarmDefinition &x = a.safety.alarms.at(i), &y = b.safety.alarms.at(i);
        QCOMPARE(x.id, y.id);
        QCOMPARE(x.text, y.text);
        QCOMPARE(x.kind, y.kind);
        QCOMPARE(x.priority, y.priority);
        QCOMPARE(x.condition, y.condition);
        QCOMPARE(x.channel, y.channel);
        QCOMPARE(x.limit, y.limit);
        QCOMPARE(x.deadband, y.deadband);
        QCOMPARE(x.onDelayMs, y.onDelayMs);
        QCOMPARE(x.offDelayMs, y.offDelayMs);
        QCOMPARE(x.rateWindowMs, y.rateWindowMs);
    }
    QCOMPARE(a.safety.interlocks.size(), b.safety.interlocks.size());
    for (int i = 0; i < a.safety.interlocks.size(); ++i) {
        const Interlock &x = a.safety.interlocks.at(i), &y = b.safety.interlocks.at(i);
        QCOMPARE(x.name, y.name);
        QCOMPARE(x.channel, y.channel);
        QCOMPARE(x.low, y.low);
        QCOMPARE(x.high, y.high);
        QCOMPARE(x.actuators, y.actuators);
        QCOMPARE(x.text, y.text);
        QCOMPARE(x.delayMs, y.delayMs);
    }
}

// A small station with comments ("_" keys) on every level the writer builds.
QByteArray commentedStation()
{
    return R"({"_comment": "bench 3, owned by A. Operator", "station": "bench 3",
      "instruments": [
        {"name": "Balance", "driver": "mt-sics", "port": "/dev/ttyUSB0", "_serial": "B412",
         "channels": [{"name": "balance", "unit": "g", "min": 0, "max": 5000, "_calibrated": "2026-10-01"}]},
        {"name": "PLC", "driver": "modbus-tcp", "port": "10.0.0.5:502", "_rack": "left",
         "channels": [{"name": "volume", "unit": "mL", "min": 0, "max": 3000,
                       "modbus": {"register": 0, "type": "f32", "_note": "float at 40001"}}],
         "actuators": [{"name": "base_pump", "unit": "mL/h", "min": 0, "max": 40, "safe": 0,
                        "maxChangePerSecond": 5, "_tubing": "0.8 mm",
                        "modbus": {"register": 10, "type": "f32"}}]}
      ],
      "alarms": [{"id": "volume.high", "channel": "volume", "highHigh": 2500, "text": "volume high",
                  "_why": "vessel is 3 L"}],
      "interlocks": [{"id": "overflow", "channel": "volume", "above": 2800, "actuators": ["base_pump"],
                      "text": "overflow", "_since": "2026-09"}]
    })";
}

StationLoadResult loaded(const QByteArray &json, const QString &name = QStringLiteral("t.json"))
{
    return StationLoader::parse(json, name);
}
} // namespace

class TestStationWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("demo station") << readAll(StationLoader::demoStationPath());
        QTest::newRow("docs/stations.md example") << documentedStation();
        QTest::newRow("commented station") << commentedStation();
        QTest::newRow("docs/stations.md comments example") << documentedStation(1);
    }

    // Written afresh, the station loads as the same StationConfig; written over its own file, the file's
    // JSON comes back unchanged (nothing the operator wrote is lost or reworded).
    void roundTrip()
    {
        QFETCH(QByteArray, json);
        const StationLoadResult original = loaded(json);
        QVERIFY2(original.ok(), qPrintable(original.errors.join('\n')));

        const StationLoadResult fresh = loaded(StationWriter::toBytes(original.station));
        QVERIFY2(fresh.ok(), qPrintable(fresh.errors.join('\n')));
        compareStations(fresh.station, original.station);
        if (QTest::currentTestFailed())
            return;

        QCOMPARE(StationWriter::toJson(original.station, jsonOf(json)), jsonOf(json));
    }

    void unknownKeysSurviveAnEdit()
    {
        StationLoadResult station = loaded(commentedStation());
        QVERIFY(station.ok());
        station.station.instruments[1].pollPeriodMs = 250;
        station.station.instruments[1].name =
            QStringLiteral("Vessel PLC");          // renamed: still the same instrument
        station.station.instruments.removeFirst(); // the balance is gone
        station.station.safety.alarms.clear();
        const QJsonObject written =
            StationWriter::toJson(station.station, jsonOf(commentedStation()),
                                  {{QStringLiteral("Vessel PLC"), QStringLiteral("PLC")}});
        QCOMPARE(written.value("_comment").toString(), QStringLiteral("bench 3, owned by A. Operator"));
        const QJsonArray instruments = written.value("instruments").toArray();
        QCOMPARE(instruments.size(), 1);
        const QJsonObject plc = instruments.at(0).toObject();
        QCOMPARE(plc.value("name").toString(), QStringLiteral("Vessel PLC"));
        QCOMPARE(plc.value("pollPeriodMs").toInt(), 250);
        QCOMPARE(plc.value("_rack").toString(), QStringLiteral("left"));
        const QJsonObject volume = plc.value("channels").toArray().at(0).toObject();
        QCOMPARE(volume.value("modbus").toObject().value("_note").toString(),
                 QStringLiteral("float at 40001"));
        const QJsonObject pump = plc.value("actuators").toArray().at(0).toObject();
        QCOMPARE(pump.value("_tubing").toString(), QStringLiteral("0.8 mm"));
        QCOMPARE(pump.value("maxChangePerSecond").toDouble(), 5.0);
        QVERIFY(written.value("alarms").toArray().isEmpty()); // the file had the section: it stays, empty
        QCOMPARE(written.value("interlocks").toArray().at(0).toObject().value("_since").toString(),
                 QStringLiteral("2026-09"));
        QVERIFY(
            !QJsonDocument(written).toJson().contains("B412")); // the removed balance's comment went with it
        const StationLoadResult reloaded = loaded(QJsonDocument(written).toJson());
        QVERIFY2(reloaded.ok(), qPrintable(reloaded.errors.join('\n')));
    }

    void saveKeepsCommentsAndTheOldVersionAsBak()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bench.json"));
        QVERIFY(writeAll(path, commentedStation()));
        StationLoadResult station = StationLoader::loadFile(path);
        QVERIFY(station.ok());
        station.station.instruments[0].pollPeriodMs = 2000;

        const StationSaveResult result = StationWriter::save(station.station, path, path);
        QVERIFY2(result.ok(), qPrintable(result.errors.join('\n')));
        QCOMPARE(result.path, path);
        QCOMPARE(readAll(StationWriter::backupPath(path)), commentedStation());
        const StationLoadResult reloaded = StationLoader::loadFile(path);
        QVERIFY2(reloaded.ok(), qPrintable(reloaded.errors.join('\n')));
        QCOMPARE(reloaded.station.instruments.at(0).pollPeriodMs, 2000);
        QCOMPARE(
            jsonOf(readAll(path)).value("instruments").toArray().at(0).toObject().value("_serial").toString(),
            QStringLiteral("B412"));

        // A second save keeps the first save's file as the backup.
        const QByteArray firstSave = readAll(path);
        station.station.instruments[0].pollPeriodMs = 3000;
        QVERIFY(StationWriter::save(station.station, path, path).ok());
        QCOMPARE(readAll(StationWriter::backupPath(path)), firstSave);
    }

    void invalidStationIsRefusedAndTheFileUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bench.json"));
        QVERIFY(writeAll(path, commentedStation()));
        StationLoadResult station = StationLoader::loadFile(path);
        QVERIFY(station.ok());
        station.station.instruments[0].pollPeriodMs = 10;            // below the loader's 50 ms
        station.station.instruments[1].channels[0].name = "balance"; // a channel name used twice

        const StationSaveResult result = StationWriter::save(station.station, path, path);
        QVERIFY(!result.ok());
        QVERIFY2(result.errors.contains(path +
                                        ": $.instruments[0].pollPeriodMs: expected a whole number from 50 "
                                        "to 3600000"),
                 qPrintable(result.errors.join('\n')));
        QVERIFY2(result.errors.join('\n').contains(path +
                                                   ": $.instruments[1].channels[0].name: expected a channel "
                                                   "name used once in the station"),
                 qPrintable(result.errors.join('\n')));
        QCOMPARE(readAll(path), commentedStation());
        QVERIFY(!QFile::exists(StationWriter::backupPath(path)));
    }

    void builtInStationCannotBeWritten()
    {
        const StationLoadResult demo = StationLoader::loadFile(StationLoader::demoStationPath());
        QVERIFY(demo.ok());
        const StationSaveResult result = StationWriter::save(demo.station, StationLoader::demoStationPath(),
                                                             StationLoader::demoStationPath());
        QCOMPARE(result.errors.size(), 1);
        QVERIFY(result.errors.first().startsWith(StationLoader::demoStationPath() + ": "));
    }

    void unwritableFolderIsReportedWithTheFileName()
    {
        const StationLoadResult demo = StationLoader::loadFile(StationLoader::demoStationPath());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("missing-folder/bench.json"));
        const StationSaveResult result =
            StationWriter::save(demo.station, path, StationLoader::demoStationPath());
        QCOMPARE(result.errors.size(), 1);
        QVERIFY2(result.errors.first().startsWith(path + ": cannot write the station file"),
                 qPrintable(result.errors.first()));
    }
};

QTEST_GUILESS_MAIN(TestStationWriter)
#include "tst_station_writer.moc"
