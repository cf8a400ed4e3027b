// A backlog is committed in slices: 600,000 readings queued at once (far more than one flush interval of
// work) are written in several transactions, each visible as it commits (committed() with a growing count,
// the queue depth shrinking), so a crash meanwhile loses at most the slice being written, not the backlog.
#include "RunFileFixture.h"

#include <QTemporaryDir>
#include <QTest>

class TestWriterBacklog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void backlogIsCommittedInSlices()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("backlog.rdrun"));
        constexpr int total = 600000;
        RunRecorder recorder(path, {});
        recorder.setAnchorLocation(RunFileFixture::scratchAnchors());
        QSignalSpy opened(&recorder, &RunRecorder::opened);
        recorder.start();
        QVERIFY(opened.wait(5000));
        QList<qint64> commits;
        QList<int> depths;
        connect(&recorder, &RunRecorder::committed, this, [&](qint64 count) {
            commits << count;
            depths << recorder.queueDepth();
        });
        QList<Reading> readings;
        readings.reserve(total);
        for (int i = 0; i < total; ++i) // 8 channels; several readings share a channel's millisecond
            readings << Reading{QStringLiteral("ch%1").arg(i % 8), 1763769600000 + i / 32, double(i),
                                QStringLiteral("u"), Quality::Good};
        recorder.record(readings);
        QTRY_VERIFY_WITH_TIMEOUT(recorder.committedReadings() == total, 60000);
        recorder.stop();

        QVERIFY2(commits.size() >= 3, qPrintable(QString::number(commits.size())));
        QVERIFY(commits.first() < total);
        QVERIFY(std::is_sorted(commits.cbegin(), commits.cend()));
        QVERIFY(std::adjacent_find(commits.cbegin(), commits.cend()) == commits.cend()); // each slice adds
        // While the rest was still being written, what had committed no longer counted as queued.
        QVERIFY(std::any_of(depths.cbegin(), depths.cend(),
                            [](int depth) { return depth > 0 && depth < total; }));
        QCOMPARE(RunFileFixture::scalar(path, QStringLiteral("SELECT COUNT(*) FROM readings")).toLongLong(),
                 total);
        QCOMPARE(RunFileFixture::scalar(path, QStringLiteral("SELECT COUNT(DISTINCT value) FROM readings"))
                     .toLongLong(),
                 total);
    }
};

QTEST_GUILESS_MAIN(TestWriterBacklog)
#include "tst_writer_backlog.moc"
