// Storage problems reach the alarm panel: with the session's ControlSystem wired to a recording RunRecorder,
// a disk that refuses writes (RLIMIT_FSIZE, a real EFBIG) raises "recording.storage" within 1 s and the
// growing backlog raises "recording.backlog"; once the disk takes writes again both return to normal, every
// reading is on disk exactly once, and the alarms' own transitions are in the run.
#include "ControlSystem.h"
#include "DiskFullFixture.h"
#include "RunRecorder.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString storageAlarm = QStringLiteral("recording.storage");
const QString backlogAlarm = QStringLiteral("recording.backlog");
} // namespace

class TestStorageAlarms : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        DiskFullFixture::ignoreFileSizeSignal();
    }
    void cleanupTestCase() { DiskFullFixture::setFileSizeLimit(RLIM_INFINITY); }

    void fullDiskRaisesAndClearsAlarms()
    {
        const QString path = m_dir.filePath(QStringLiteral("alarms.rdrun"));
        constexpr int bound = 20000;
        RunRecorder recorder(path, {}, nullptr, RunRecorder::defaultFlushIntervalMs, bound);
        recorder.setAnchorLocation(
            {m_dir.filePath(QStringLiteral("anchors")), m_dir.filePath(QStringLiteral("key"))});
        ControlSystem control(&recorder, m_dir.filePath(QStringLiteral("users.sqlite")));
        AlarmManager *alarms = control.alarms();
        QSignalSpy opened(&recorder, &RunRecorder::opened);
        recorder.start();
        QVERIFY(opened.wait(5000));

        DiskFullFixture::NumberedProducer producer(&recorder);
        producer.start();
        QTRY_VERIFY_WITH_TIMEOUT(recorder.committedReadings() > 20000, 10000);
        QVERIFY(!alarms->alarmIds().contains(storageAlarm));

        const qint64 walSize = QFileInfo(path + QStringLiteral("-wal")).size();
        QVERIFY(walSize > 0);
        QElapsedTimer sinceFull;
        sinceFull.start();
        QVERIFY(DiskFullFixture::setFileSizeLimit(rlim_t(walSize)));
        QTRY_VERIFY_WITH_TIMEOUT(alarms->status(storageAlarm).conditionActive, 5000);
        qInfo("recording.storage active %lld ms after the disk filled", sinceFull.elapsed());
        QVERIFY2(sinceFull.elapsed() < 1000, qPrintable(QString::number(sinceFull.elapsed())));
        QCOMPARE(alarms->status(storageAlarm).state, AlarmState::ActiveUnacked);
        QCOMPARE(alarms->status(storageAlarm).definition.priority, AlarmPriority::High);
        QCOMPARE(alarms->status(storageAlarm).definition.kind, AlarmKind::System);
        QTRY_VERIFY_WITH_TIMEOUT(alarms->status(backlogAlarm).conditionActive, 5000);
        QCOMPARE(alarms->status(backlogAlarm).definition.kind, AlarmKind::System);
        QVERIFY(recorder.queueDepth() > bound);

        QVERIFY(DiskFullFixture::setFileSizeLimit(RLIM_INFINITY));
        QTRY_VERIFY_WITH_TIMEOUT(!alarms->status(storageAlarm).conditionActive, 5000);
        QCOMPARE(alarms->status(storageAlarm).state, AlarmState::ReturnedUnacked);
        QTRY_VERIFY_WITH_TIMEOUT(!alarms->status(backlogAlarm).conditionActive, 5000);
        QCOMPARE(alarms->acknowledge(storageAlarm, Actor::system()), QString());
        QCOMPARE(alarms->status(storageAlarm).state, AlarmState::Normal);

        producer.stop();
        QTRY_VERIFY_WITH_TIMEOUT(recorder.committedReadings() == producer.produced(), 10000);
        recorder.stop();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*), COUNT(DISTINCT value) FROM readings")) &&
                    q.next());
            QCOMPARE(q.value(0).toLongLong(), producer.produced());
            QCOMPARE(q.value(1).toLongLong(), producer.produced());
            // Raised while the disk was full, the transitions waited in memory like the readings.
            QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM events WHERE kind = 'alarm' AND text LIKE "
                                          "'recording.storage [system, high]%'")) &&
                    q.next());
            QCOMPARE(q.value(0).toInt(), 3); // active, returned, acknowledged
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestStorageAlarms)
#include "tst_storage_alarms.moc"
