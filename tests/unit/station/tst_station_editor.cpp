// StationEditor over a running station (the demo's instruments, whose "@sim:" ports stay unconnected here):
// edits and saves are for supervisors only, refusals are audited; a save runs off the GUI thread, writes over
// the file (comments kept, also on a renamed instrument; the old file as .bak), and audits each changed
// instrument with an old -> new summary; an edit that breaks the station is refused with the loader's errors
// and leaves the file alone; the built-in demo can only be saved as a file.
#include "StationEditor.h"
#include "StationInstruments.h"
#include "StationLoader.h"
#include "StationWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {
QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The demo station with an operator's comments on the file and on the feed pump.
QByteArray commentedDemo()
{
    QJsonObject root = QJsonDocument::fromJson(readAll(StationLoader::demoStationPath())).object();
    root.insert(QStringLiteral("_comment"), QStringLiteral("bench copy of the demo"));
    QJsonArray instruments = root.value(QStringLiteral("instruments")).toArray();
    QJsonObject pump = instruments.at(1).toObject();
    pump.insert(QStringLiteral("_tubing"), QStringLiteral("1.6 mm, changed 2026-11-01"));
    instruments.replace(1, pump);
    root.insert(QStringLiteral("instruments"), instruments);
    return QJsonDocument(root).toJson();
}

InstrumentConfig instrumentNamed(const StationConfig &station, const QString &name)
{
    for (const InstrumentConfig &c : station.instruments)
        if (c.name == name)
            return c;
    return {};
}
} // namespace

class TestStationEditor : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_path;
    Actor m_actor{QStringLiteral("sue"), Role::Supervisor};

    StationLoadResult loadFresh()
    {
        QFile::remove(m_path);
        QFile::remove(StationWriter::backupPath(m_path));
        QFile file(m_path);
        if (file.open(QIODevice::WriteOnly))
            file.write(commentedDemo());
        file.close();
        return StationLoader::loadFile(m_path);
    }
    StationEditor::ActorSource actor()
    {
        return [this] { return m_actor; };
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings go to a test location
        m_path = m_dir.filePath(QStringLiteral("bench.json"));
    }
    void init() { m_actor = {QStringLiteral("sue"), Role::Supervisor}; }

    void saveInPlaceAuditsEachChangedInstrument()
    {
        const StationLoadResult station = loadFresh();
        QVERIFY2(station.ok(), qPrintable(station.errors.join('\n')));
        StationInstruments instruments(station.station);
        StationEditor editor(&instruments, actor());
        QSignalSpy unsaved(&editor, &StationEditor::unsavedEditsChanged);
        QSignalSpy audited(&editor, &StationEditor::audited);
        QSignalSpy saved(&editor, &StationEditor::saved);

        InstrumentConfig pump = instrumentNamed(instruments.station(), QStringLiteral("Feed pump"));
        pump.name = QStringLiteral("Main feed pump");
        pump.pollPeriodMs = 250;
        editor.replaceInstrument(QStringLiteral("Feed pump"), pump);
        InstrumentConfig balance = instrumentNamed(instruments.station(), QStringLiteral("Feed balance"));
        balance.timeoutMs = 900;
        editor.replaceInstrument(balance.name, balance);
        QVERIFY(editor.hasUnsavedEdits());
        QCOMPARE(unsaved.size(), 1);
        QCOMPARE(unsaved.first().first().toBool(), true);
        QCOMPARE(instruments.station().instruments.at(1).name,
                 QStringLiteral("Main feed pump")); // kept its place
        // Each edit of the running station is audited as it is applied.
        QCOMPARE(audited.size(), 2);
        const auto applied = audited.first().first().value<AuditEntry>();
        QCOMPARE(applied.object, QStringLiteral("station.instrument.Main feed pump"));
        QCOMPARE(applied.oldValue, QStringLiteral("name=Feed pump; pollPeriodMs=500"));
        QCOMPARE(applied.newValue, QStringLiteral("name=Main feed pump; pollPeriodMs=250"));
        QCOMPARE(applied.reason, QStringLiteral("applied to the running station"));
        audited.clear();

        QVERIFY(editor.save().isEmpty());
        QVERIFY(editor.isSaving());
        QVERIFY(!editor.saveAs(m_path).isEmpty()); // one save at a time
        QVERIFY(saved.wait(10000));
        QVERIFY(!editor.hasUnsavedEdits());
        QCOMPARE(unsaved.size(), 2);
        QCOMPARE(readAll(StationWriter::backupPath(m_path)), commentedDemo());

        const QJsonObject written = QJsonDocument::fromJson(readAll(m_path)).object();
        QCOMPARE(written.value("_comment").toString(), QStringLiteral("bench copy of the demo"));
        const QJsonObject writtenPump = written.value("instruments").toArray().at(1).toObject();
        QCOMPARE(writtenPump.value("name").toString(), QStringLiteral("Main feed pump"));
        QCOMPARE(writtenPump.value("_tubing").toString(), QStringLiteral("1.6 mm, changed 2026-11-01"));
        const StationLoadResult reloaded = StationLoader::loadFile(m_path);
        QVERIFY2(reloaded.ok(), qPrintable(reloaded.errors.join('\n')));
        QCOMPARE(instrumentNamed(reloaded.station, QStringLiteral("Main feed pump")).pollPeriodMs, 250);
        QCOMPARE(instrumentNamed(reloaded.station, QStringLiteral("Feed balance")).timeoutMs, 900);

        QCOMPARE(audited.size(), 2);
        QHash<QString, AuditEntry> entries;
        for (const QList<QVariant> &signal : std::as_const(audited)) {
            const auto entry = signal.first().value<AuditEntry>();
            entries.insert(entry.object, entry);
        }
        const AuditEntry pumpEntry = entries.value(QStringLiteral("station.instrument.Main feed pump"));
        QCOMPARE(pumpEntry.user, QStringLiteral("sue"));
        QCOMPARE(pumpEntry.role, QStringLiteral("Supervisor"));
        QCOMPARE(pumpEntry.oldValue, QStringLiteral("name=Feed pump; pollPeriodMs=500"));
        QCOMPARE(pumpEntry.newValue, QStringLiteral("name=Main feed pump; pollPeriodMs=250"));
        QCOMPARE(pumpEntry.reason, QStringLiteral("saved to ") + m_path);
        const AuditEntry balanceEntry = entries.value(QStringLiteral("station.instrument.Feed balance"));
        QCOMPARE(balanceEntry.oldValue, QStringLiteral("timeoutMs=800"));
        QCOMPARE(balanceEntry.newValue, QStringLiteral("timeoutMs=900"));

        // Saved again without edits: nothing changed in the file, nothing audited.
        QVERIFY(editor.save().isEmpty());
        QVERIFY(saved.wait(10000));
        QCOMPARE(audited.size(), 2);
    }

    void invalidEditIsRefusedAndTheFileUntouched()
    {
        const StationLoadResult station = loadFresh();
        StationInstruments instruments(station.station);
        StationEditor editor(&instruments, actor());
        QSignalSpy failed(&editor, &StationEditor::saveFailed);
        QSignalSpy audited(&editor, &StationEditor::audited);
        // The DO probe's channel carries alarms: without it the station is not valid.
        QVERIFY(editor.removeInstrument(QStringLiteral("DO probe")).isEmpty());
        QVERIFY(editor.save().isEmpty());
        QVERIFY(failed.wait(10000));
        const QStringList errors = failed.first().first().toStringList();
        QVERIFY2(errors.contains(m_path +
                                 ": $.alarms[0].channel: expected one of the station's channels (balance, "
                                 "base_rate, feed_rate, glucose, harvest_rate, od, ph, stirrer, "
                                 "temperature, volume)"),
                 qPrintable(errors.join('\n')));
        QCOMPARE(readAll(m_path), commentedDemo());
        QVERIFY(!QFile::exists(StationWriter::backupPath(m_path)));
        QVERIFY(editor.hasUnsavedEdits()); // still in the running station, still unsaved
        QCOMPARE(audited.size(), 1);       // the removal as applied; no save
        const auto removal = audited.first().first().value<AuditEntry>();
        QCOMPARE(removal.object, QStringLiteral("station.instrument.DO probe"));
        QVERIFY(removal.oldValue.contains(QStringLiteral("driver=hamilton-arc")));
        QCOMPARE(removal.newValue, QString());
        QCOMPARE(removal.reason, QStringLiteral("applied to the running station"));
    }

    void onlySupervisorsEditAndSave()
    {
        const StationLoadResult station = loadFresh();
        StationInstruments instruments(station.station);
        StationEditor editor(&instruments, actor());
        QSignalSpy audited(&editor, &StationEditor::audited);
        m_actor = {QStringLiteral("otto"), Role::Operator};
        InstrumentConfig pump = instrumentNamed(instruments.station(), QStringLiteral("Feed pump"));
        pump.pollPeriodMs = 100;
        QCOMPARE(editor.replaceInstrument(pump.name, pump),
                 QStringLiteral("otto (Operator) may not configure the station"));
        QCOMPARE(editor.removeInstrument(pump.name),
                 QStringLiteral("otto (Operator) may not configure the station"));
        QVERIFY(!editor.addInstrument(pump).isEmpty());
        QVERIFY(!editor.save().isEmpty());
        QCOMPARE(instrumentNamed(instruments.station(), QStringLiteral("Feed pump")).pollPeriodMs, 500);
        QVERIFY(!editor.hasUnsavedEdits());
        QCOMPARE(audited.size(), 4); // every refusal is in the audit trail
        for (const QList<QVariant> &signal : std::as_const(audited))
            QVERIFY(signal.first().value<AuditEntry>().reason.startsWith(QStringLiteral("refused")));
        QCOMPARE(readAll(m_path), commentedDemo());
    }

    void builtInDemoIsSavedAsAFile()
    {
        StationInstruments instruments(StationLoader::loadFile(StationLoader::demoStationPath()).station);
        StationEditor editor(&instruments, actor());
        QVERIFY(!editor.canSaveInPlace());
        QVERIFY(editor.save().contains(QStringLiteral("Save station as")));
        QVERIFY(!editor.saveAs(StationLoader::demoStationPath()).isEmpty());

        QSignalSpy saved(&editor, &StationEditor::saved);
        const QString copy = m_dir.filePath(QStringLiteral("from-demo.json"));
        QVERIFY(editor.saveAs(copy).isEmpty());
        QVERIFY(saved.wait(10000));
        QCOMPARE(editor.stationFile(), copy);
        QCOMPARE(instruments.station().fileName, copy);
        QCOMPARE(StationEditor::lastStation(), copy);
        QVERIFY(StationLoader::loadFile(copy).ok());
    }
};

QTEST_GUILESS_MAIN(TestStationEditor)
#include "tst_station_editor.moc"
