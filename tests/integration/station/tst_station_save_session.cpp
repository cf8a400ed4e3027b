// Saving the station of a running session (a lab station file on the simulator process): nobody signed in
// (a viewer) is refused, a signed-in admin's poll-period edit is saved in place, and the refusal, the edit as
// applied and the saved change (who, which instrument, old -> new) are in the run file's audit trail.
#include "ControlSystem.h"
#include "ReactorSession.h"
#include "StationEditor.h"
#include "StationInstruments.h"
#include "StationLoader.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QByteArray labStation = R"({
  "_comment": "bench 3",
  "station": "Lab bench 3",
  "instruments": [
    {"name": "Feed pump", "driver": "reglo-icc", "port": "@sim:pump", "address": 1, "pollPeriodMs": 200,
     "timeoutMs": 300,
     "channels": [{"name": "feed_rate", "unit": "mL/h", "min": 0, "max": 500}],
     "actuators": [{"name": "feed_pump", "unit": "mL/h", "min": 0, "max": 100, "safe": 0}]}
  ]
})";

struct AuditRow
{
    QString user, object, oldValue, newValue, reason;
};

QList<AuditRow> stationAuditRows(const QString &runFile)
{
    QList<AuditRow> rows;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("audit-check"));
        db.setDatabaseName(runFile);
        if (db.open()) {
            QSqlQuery q(db);
            q.exec(QStringLiteral("SELECT user, object, old_value, new_value, reason FROM audit "
                                  "WHERE object LIKE 'station%' ORDER BY id"));
            while (q.next())
                rows.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                             q.value(3).toString(), q.value(4).toString()});
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("audit-check"));
    return rows;
}
} // namespace

class TestStationSaveSession : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); } // user store and settings: test folders

    void savedEditIsAuditedInTheRun()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lab.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(labStation);
        file.close();
        ReactorSession::Options options;
        options.simulatorProgram = QStringLiteral(RD_SIM_PATH);
        options.runFile = dir.filePath(QStringLiteral("lab.rdrun"));
        options.stationFile = path;
        ReactorSession session(options);
        QVERIFY2(session.stationErrors().isEmpty(), qPrintable(session.stationErrors().join('\n')));
        session.start();
        StationEditor *editor = session.stationEditor();
        InstrumentConfig pump = session.instruments()->station().instruments.first();
        pump.pollPeriodMs = 400;

        QVERIFY(!editor->replaceInstrument(pump.name, pump).isEmpty()); // nobody signed in: a viewer
        QCOMPARE(session.instruments()->station().instruments.first().pollPeriodMs, 200);

        QFile::remove(ControlSystem::defaultUserStorePath());
        QSignalSpy signedIn(session.control()->users(), &UserSession::actorChanged);
        session.control()->users()->createFirstAdminAndSignIn(QStringLiteral("ada"),
                                                              QStringLiteral("s3cret-pass"));
        QVERIFY(signedIn.wait(10000));
        editor->replaceInstrument(pump.name, pump);
        QVERIFY(editor->hasUnsavedEdits());
        QSignalSpy saved(editor, &StationEditor::saved);
        QVERIFY(editor->save().isEmpty());
        QVERIFY(saved.wait(10000));

        const StationLoadResult reloaded = StationLoader::loadFile(path);
        QVERIFY2(reloaded.ok(), qPrintable(reloaded.errors.join('\n')));
        QCOMPARE(reloaded.station.instruments.first().pollPeriodMs, 400);

        QSignalSpy stopped(&session, &ReactorSession::stopped);
        session.shutdown();
        QVERIFY(stopped.wait(10000));
        const QList<AuditRow> rows = stationAuditRows(options.runFile);
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(0).user, QStringLiteral("nobody"));
        QCOMPARE(rows.at(0).object, QStringLiteral("station.instrument.Feed pump"));
        QVERIFY(rows.at(0).reason.startsWith(QStringLiteral("refused")));
        for (int i : {1, 2}) {
            QCOMPARE(rows.at(i).user, QStringLiteral("ada"));
            QCOMPARE(rows.at(i).object, QStringLiteral("station.instrument.Feed pump"));
            QCOMPARE(rows.at(i).oldValue, QStringLiteral("pollPeriodMs=200"));
            QCOMPARE(rows.at(i).newValue, QStringLiteral("pollPeriodMs=400"));
        }
        QCOMPARE(rows.at(1).reason, QStringLiteral("applied to the running station"));
        QCOMPARE(rows.at(2).reason, QStringLiteral("saved to ") + path);
    }
};

QTEST_GUILESS_MAIN(TestStationSaveSession)
#include "tst_station_save_session.moc"
