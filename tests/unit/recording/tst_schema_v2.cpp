// Run files written before the clustered readings layout (schema version 2: a rowid readings table with the
// index readings_by_time) still open everywhere: loading, range reads, export, verify, recovery, and a
// recorder that continues such a run keeps writing it in its own layout.
#include "AuditChain.h"
#include "RunExporter.h"
#include "RunFileFixture.h"
#include "RunLoader.h"
#include "RunRangeReader.h"
#include "RunRecovery.h"
#include "RunSchema.h"
#include "RunVerifier.h"
#include "SampleStore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {
constexpr qint64 t0 = 1760000000000;
constexpr int perChannel = 100;

// Version 2 exactly as session 1 wrote it (app/recording/RunSchema.cpp before version 3).
const char *const version2Schema[] = {
    "PRAGMA journal_mode=WAL",
    "CREATE TABLE run_info (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE channels (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, unit TEXT NOT NULL, label "
    "TEXT, "
    "minimum REAL, maximum REAL)",
    "CREATE TABLE readings (t_ms INTEGER NOT NULL, channel_id INTEGER NOT NULL REFERENCES channels(id), "
    "value "
    "REAL, quality INTEGER NOT NULL)",
    "CREATE INDEX readings_by_time ON readings (t_ms, channel_id)",
    "CREATE TABLE events (t_ms INTEGER NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL, end_ms INTEGER)",
    "CREATE TABLE audit (id INTEGER PRIMARY KEY AUTOINCREMENT, t_ms INTEGER NOT NULL, user TEXT NOT NULL, "
    "role "
    "TEXT NOT NULL, object TEXT NOT NULL, old_value TEXT NOT NULL, new_value TEXT NOT NULL, reason TEXT NOT "
    "NULL, hash BLOB NOT NULL)",
    "CREATE TRIGGER audit_refuses_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail "
    "is "
    "append-only'); END",
    "CREATE TRIGGER audit_refuses_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail "
    "is "
    "append-only'); END",
    "INSERT INTO run_info VALUES ('schema_version', '2')",
    "INSERT INTO run_info VALUES ('run_id', 'f00dfeed-0000-4000-8000-000000000002')",
    "INSERT INTO run_info VALUES ('station', 'bench-2')",
    "INSERT INTO channels (name, unit, label, minimum, maximum) VALUES ('ph', 'pH', 'pH', 0, 14)",
    "INSERT INTO channels (name, unit, label, minimum, maximum) VALUES ('do', '%', 'DO', 0, 100)",
};

// An unfinished version-2 run: 100 readings per channel 1 s apart, 3 chained audit rows, one note.
QString writeVersion2(const QString &path)
{
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v2"));
        db.setDatabaseName(path);
        if (!db.open())
            return db.lastError().text();
        QSqlQuery q(db);
        for (const char *statement : version2Schema)
            if (error.isEmpty() && !q.exec(QString::fromLatin1(statement)))
                error = q.lastError().text();
        db.transaction();
        q.prepare(QStringLiteral("INSERT INTO readings VALUES (?, ?, ?, ?)"));
        for (int i = 0; i < perChannel && error.isEmpty(); ++i)
            for (int channel = 1; channel <= 2; ++channel) {
                q.addBindValue(t0 + i * 1000);
                q.addBindValue(channel);
                q.addBindValue(channel == 1 ? 7.0 + i * 0.01 : 40.0 - i * 0.1);
                q.addBindValue(i == 50 ? int(Quality::Bad) : int(Quality::Good));
                if (!q.exec())
                    error = q.lastError().text();
            }
        q.prepare(QStringLiteral("INSERT INTO audit VALUES (?, ?, 'alice', 'Operator', 'feed.rate', ?, ?, "
                                 "'step', ?)"));
        QByteArray hash = AuditChain::genesis();
        for (int id = 1; id <= 3 && error.isEmpty(); ++id) {
            const AuditEntry entry{t0 + id,
                                   QStringLiteral("alice"),
                                   QStringLiteral("Operator"),
                                   QStringLiteral("feed.rate"),
                                   QString::number(id),
                                   QString::number(id + 1),
                                   QStringLiteral("step")};
            hash = AuditChain::rowHash(hash, id, entry);
            for (const QVariant &v : {QVariant(id), QVariant(entry.timeMs), QVariant(entry.oldValue),
                                      QVariant(entry.newValue), QVariant(hash)})
                q.addBindValue(v);
            if (!q.exec())
                error = q.lastError().text();
        }
        if (error.isEmpty() &&
            !q.exec(QStringLiteral("INSERT INTO events VALUES (%1, 'note', 'inoculated', NULL)").arg(t0)))
            error = q.lastError().text();
        db.commit();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v2"));
    return error;
}

qint64 count(const QString &path, const QString &sql)
{
    const QVariant value = RunFileFixture::scalar(path, sql);
    return value.isValid() ? value.toLongLong() : -1;
}
} // namespace

class TestSchemaVersion2 : public QObject
{
    Q_OBJECT
private:
    QString freshVersion2(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        return writeVersion2(path).isEmpty() ? path : QString();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void readersOpenIt()
    {
        const QString path = freshVersion2(QStringLiteral("read.rdrun"));
        QVERIFY(!path.isEmpty());
        const RunVerifier::Report report = RunVerifier::verify(path);
        QVERIFY2(report.ok, qPrintable(report.problem));
        QCOMPARE(report.auditRows, 3);

        const RunLoader::Result loaded = RunLoader::load(path);
        QVERIFY2(loaded.error.isEmpty(), qPrintable(loaded.error));
        QCOMPARE(loaded.readings, 2 * perChannel);
        QCOMPARE(loaded.channels.size(), 2);

        const RunRangeReader::Result range = RunRangeReader::read(
            path, QStringLiteral("do"), (t0 + 10000) / 1000.0, (t0 + 19000) / 1000.0, 1000);
        QVERIFY2(range.error.isEmpty(), qPrintable(range.error));
        QCOMPARE(range.keys.size(), 10);
        QCOMPARE(range.values.first(), 39.0);

        const QString csv = m_dir.filePath(QStringLiteral("read.csv"));
        const RunExporter::Result exported = RunExporter::exportCsv(path, csv, RunExporter::Layout::Long);
        QVERIFY2(exported.ok, qPrintable(exported.error));
        QCOMPARE(exported.readings, 2 * perChannel);
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        // In time order, then by channel (ph was declared first).
        QVERIFY2(lines.value(1).startsWith("2025-10-09T08:53:20.000Z,0.0000000,ph,7,pH,Good"),
                 lines.value(1).constData());
        QVERIFY2(lines.value(2).startsWith("2025-10-09T08:53:20.000Z,0.0000000,do,40,%,Good"),
                 lines.value(2).constData());
    }

    void recoveryMarksItsGap()
    {
        const QString path = freshVersion2(QStringLiteral("recover.rdrun"));
        QVERIFY(!path.isEmpty());
        const RunRecovery::Outcome outcome = RunRecovery::recoverFile(path, t0 + 3600000);
        QVERIFY2(outcome.recovered, qPrintable(outcome.error));
        QCOMPARE(outcome.gapFromMs, t0 + (perChannel - 1) * 1000);
        QCOMPARE(count(path, QStringLiteral("SELECT COUNT(*) FROM events WHERE kind = 'gap'")), 1);
        QVERIFY(RunVerifier::verify(path).ok);
    }

    void recorderContinuesItInItsOwnLayout()
    {
        const QString path = freshVersion2(QStringLiteral("continue.rdrun"));
        QVERIFY(!path.isEmpty());
        const qint64 later = t0 + perChannel * 1000;
        QList<Reading> readings;
        for (int i = 0; i < 10; ++i)
            readings << Reading{QStringLiteral("ph"), later + i * 1000, 7.5, QStringLiteral("pH"),
                                Quality::Good}
                     << Reading{QStringLiteral("ph"), later + i * 1000, 7.6, QStringLiteral("pH"),
                                Quality::Good};
        QVERIFY(RunFileFixture::write(
            path, readings,
            {RunFileFixture::auditEntry(later, QStringLiteral("mode"), QStringLiteral("a"),
                                        QStringLiteral("b"), QStringLiteral("resumed"))}));
        QCOMPARE(count(path, QStringLiteral("SELECT value FROM run_info WHERE key = 'schema_version'")), 2);
        QCOMPARE(count(path, QStringLiteral("SELECT COUNT(*) FROM readings")), 2 * perChannel + 20);
        QCOMPARE(count(path, QStringLiteral("SELECT COUNT(*) FROM events WHERE kind = 'gap'")), 1);
        const RunVerifier::Report report = RunVerifier::verify(path, RunFileFixture::scratchAnchors());
        QVERIFY2(report.ok, qPrintable(report.problem));
        QCOMPARE(report.auditRows, 4);
        QCOMPARE(report.anchoredRows, 4);
    }

    void newRunsAreVersion3WithoutTheExtraIndex()
    {
        const QString path = m_dir.filePath(QStringLiteral("new.rdrun"));
        QList<Reading> readings;
        for (int i = 0; i < 5; ++i) // the same channel and millisecond: kept apart by seq, nothing lost
            readings << Reading{QStringLiteral("ph"), t0, 7.0 + i, QStringLiteral("pH"), Quality::Good};
        QVERIFY(RunFileFixture::write(path, readings, {}));
        QCOMPARE(count(path, QStringLiteral("SELECT value FROM run_info WHERE key = 'schema_version'")),
                 RunSchema::version);
        QCOMPARE(count(path, QStringLiteral("SELECT COUNT(*) FROM readings")), 5);
        QCOMPARE(count(path, QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND "
                                            "tbl_name = 'readings' AND sql IS NOT NULL")),
                 0);
        // A second recorder continues the seq where the first stopped.
        QVERIFY(RunFileFixture::write(path, readings, {}));
        QCOMPARE(count(path, QStringLiteral("SELECT COUNT(DISTINCT seq) FROM readings")), 10);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestSchemaVersion2)
#include "tst_schema_v2.moc"
