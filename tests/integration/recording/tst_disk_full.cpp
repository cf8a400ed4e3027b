// The disk refuses writes (a real EFBIG from the kernel: RLIMIT_FSIZE lowered under the growing WAL while
// recording): the recorder raises storageFailing within 1 s, keeps every reading in memory (queue depth
// grows, the bound raises backlog, nothing is dropped), and once the disk takes writes again commits all
// of them, exactly once.
#include "DiskFullFixture.h"
#include "RunRecorder.h"
#include "RunVerifier.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

class TestDiskFull : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        DiskFullFixture::ignoreFileSizeSignal(); // a write past the limit fails with EFBIG instead of killing
                                                 // us
    }
    void cleanupTestCase() { DiskFullFixture::setFileSizeLimit(RLIM_INFINITY); }

    void readingsSurviveAFullDisk()
    {
        const QString path = m_dir.filePath(QStringLiteral("full.rdrun"));
        constexpr int bound = 20000;
        RunRecorder recorder(path, {}, nullptr, RunRecorder::defaultFlushIntervalMs, bound);
        QSignalSpy opened(&recorder, &RunRecorder::opened);
        QSignalSpy failing(&recorder, &RunRecorder::storageFailing);
        QSignalSpy recovered(&recorder, &RunRecorder::storageRecovered);
        QSignalSpy backlog(&recorder, &RunRecorder::backlog);
        QSignalSpy backlogCleared(&recorder, &RunRecorder::backlogCleared);
        recorder.start();
        QVERIFY(opened.wait(5000));

        DiskFullFixture::NumberedProducer producer(&recorder);
        producer.start();
        QTRY_VERIFY_WITH_TIMEOUT(recorder.committedReadings() > 20000, 10000);

        // The disk is "full": no file may grow past its current size.
        const qint64 walSize = QFileInfo(path + QStringLiteral("-wal")).size();
        QVERIFY(walSize > 0);
        QElapsedTimer sinceFull;
        sinceFull.start();
        QVERIFY(DiskFullFixture::setFileSizeLimit(rlim_t(walSize)));
        QVERIFY(failing.wait(5000));
        qInfo("storageFailing after %lld ms: %s", sinceFull.elapsed(),
              qPrintable(failing.first().at(0).toString()));
        QVERIFY2(sinceFull.elapsed() < 1000, qPrintable(QString::number(sinceFull.elapsed())));
        QVERIFY(recorder.isStorageFailing());

        // Readings pile up in memory, past the bound: backlog is raised, nothing is dropped.
        QTRY_VERIFY_WITH_TIMEOUT(!backlog.isEmpty(), 5000);
        QVERIFY(recorder.queueDepth() > bound);
        const qint64 committedWhileFull = recorder.committedReadings();
        QTest::qWait(300);
        QCOMPARE(recorder.committedReadings(), committedWhileFull);

        // Space again: everything queued is written.
        QVERIFY(DiskFullFixture::setFileSizeLimit(RLIM_INFINITY));
        QVERIFY(recovered.wait(5000));
        QVERIFY(!recorder.isStorageFailing());
        producer.stop();
        QTRY_VERIFY_WITH_TIMEOUT(recorder.committedReadings() == producer.produced(), 10000);
        QCOMPARE(recorder.queueDepth(), 0);
        QVERIFY(!backlogCleared.isEmpty());
        recorder.stop();

        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(
                q.exec(QStringLiteral("SELECT COUNT(*), COUNT(DISTINCT value), MIN(value), MAX(value) FROM "
                                      "readings")) &&
                q.next());
            QCOMPARE(q.value(0).toLongLong(), producer.produced());
            QCOMPARE(q.value(1).toLongLong(), producer.produced()); // each exactly once
            QCOMPARE(q.value(2).toDouble(), 0.0);
            QCOMPARE(q.value(3).toDouble(), double(producer.produced() - 1));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
        const RunVerifier::Report report = RunVerifier::verify(path);
        QVERIFY2(report.ok, qPrintable(report.problem));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestDiskFull)
#include "tst_disk_full.moc"
