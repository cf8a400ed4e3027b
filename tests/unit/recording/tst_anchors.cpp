// The audit chain is anchored outside the run file: a whole-chain rewrite with recomputed hashes (which the
// chain check alone cannot see), a truncated trail and a tampered anchor line all fail `verify`; a run
// without its anchor log (copied to another machine) verifies its own chain with a warning; racing creators
// of the key all get the same whole key.
#include "AnchorKey.h"
#include "AuditChain.h"
#include "RunAnchorLog.h"
#include "RunFileFixture.h"
#include "RunVerifier.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>

namespace {
// Rewrites every audit row from the first on: row 2's new value changed, every hash recomputed, the
// triggers restored.
QString rewriteWholeChain(const QString &path)
{
    QList<AuditEntry> rows;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("read"));
        db.setDatabaseName(path);
        if (!db.open())
            return db.lastError().text();
        QSqlQuery q(db);
        q.exec(QStringLiteral("SELECT t_ms, user, role, object, old_value, new_value, reason FROM audit "
                              "ORDER BY id"));
        while (q.next())
            rows << AuditEntry{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                               q.value(3).toString(),   q.value(4).toString(), q.value(5).toString(),
                               q.value(6).toString()};
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("read"));
    if (rows.size() < 2)
        return QStringLiteral("expected audit rows");
    rows[1].newValue = QStringLiteral("999");
    QStringList statements;
    QByteArray hash = AuditChain::genesis();
    for (int i = 0; i < rows.size(); ++i) {
        hash = AuditChain::rowHash(hash, i + 1, rows.at(i));
        statements << QStringLiteral("UPDATE audit SET new_value = '%1', hash = x'%2' WHERE id = %3")
                          .arg(rows.at(i).newValue, QString::fromLatin1(hash.toHex()))
                          .arg(i + 1);
    }
    return RunFileFixture::tamper(path, statements);
}
} // namespace

class TestAnchors : public QObject
{
    Q_OBJECT
private:
    // A run with 6 audit rows committed in three batches (three anchor lines), in its own anchor folder.
    QString freshRun(const QString &name)
    {
        const QString path = m_dir.filePath(name + QStringLiteral(".rdrun"));
        RunRecorder recorder(path, {});
        recorder.setAnchorLocation(m_anchors);
        QSignalSpy opened(&recorder, &RunRecorder::opened);
        QSignalSpy failed(&recorder, &RunRecorder::failed);
        recorder.start();
        if (!opened.wait(5000))
            return {};
        for (int batch = 0; batch < 3; ++batch) {
            for (int i = 0; i < 2; ++i)
                recorder.record(RunFileFixture::auditEntry(
                    1760000000000 + batch * 1000 + i, QStringLiteral("feed_pump.rate"), QString::number(i),
                    QString::number(i + 1), QStringLiteral("step")));
            recorder.record(Reading{QStringLiteral("ph"), 1760000000000 + batch, 7.0, QStringLiteral("pH"),
                                    Quality::Good});
            QSignalSpy committed(&recorder, &RunRecorder::committed);
            if (!committed.wait(5000))
                return {};
        }
        recorder.stop();
        return failed.isEmpty() ? path : QString();
    }

    QString logOf(const QString &runFile)
    {
        return m_anchors.logPath(
            RunFileFixture::scalar(runFile, QStringLiteral("SELECT value FROM run_info WHERE key = 'run_id'"))
                .toString());
    }

    QStringList anchorArguments(const QString &path) const
    {
        return {path, QStringLiteral("--anchors"), m_anchors.folder, QStringLiteral("--key"),
                m_anchors.keyFile};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_anchors = {m_dir.filePath(QStringLiteral("anchors")),
                     m_dir.filePath(QStringLiteral("key/anchor.key"))};
    }

    void eachCommitWithAuditRowsIsAnchored()
    {
        const QString path = freshRun(QStringLiteral("intact"));
        QVERIFY(!path.isEmpty());
        QFile key(m_anchors.keyFile);
        QCOMPARE(key.size(), 32);
        QCOMPARE(key.permissions() & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QFile log(logOf(path));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = log.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines.at(2).split(' ').value(1) == "6");
        QString err, out;
        QCOMPARE(RunFileFixture::runVerifyCli(anchorArguments(path), &err, &out), 0);
        QVERIFY2(out.contains(QStringLiteral("6 audit rows verified, 6 of them anchored")), qPrintable(out));
        QVERIFY2(err.isEmpty(), qPrintable(err));
    }

    void wholeChainRewriteFailsOnlyWithAnchors()
    {
        const QString path = freshRun(QStringLiteral("rewritten"));
        QVERIFY(!path.isEmpty());
        QCOMPARE(rewriteWholeChain(path), QString());
        const RunVerifier::Report chainOnly = RunVerifier::verify(path);
        QVERIFY2(chainOnly.ok, qPrintable(chainOnly.problem)); // the limit of a chain inside the file
        const RunVerifier::Report anchored = RunVerifier::verify(path, m_anchors);
        QVERIFY(!anchored.ok);
        QCOMPARE(anchored.firstBadRow, 2); // the first anchored head (rows 1-2) no longer matches
        QString err;
        QCOMPARE(RunFileFixture::runVerifyCli(anchorArguments(path), &err), 1);
        QVERIFY2(err.contains(QStringLiteral("audit row 2 does not match the head anchored")),
                 qPrintable(err));
    }

    void truncatedTrailFails()
    {
        const QString path = freshRun(QStringLiteral("truncated"));
        QVERIFY(!path.isEmpty());
        // Cut rows 5-6 and the AUTOINCREMENT mark with them, so the file alone looks whole.
        QCOMPARE(RunFileFixture::tamper(path, {QStringLiteral("DELETE FROM audit WHERE id > 4"),
                                               QStringLiteral("UPDATE sqlite_sequence SET seq = 4 WHERE "
                                                              "name = 'audit'")}),
                 QString());
        QVERIFY(RunVerifier::verify(path).ok);
        const RunVerifier::Report anchored = RunVerifier::verify(path, m_anchors);
        QVERIFY(!anchored.ok);
        QVERIFY2(anchored.problem.contains(QStringLiteral("ends at row 4, but 6 rows were anchored")),
                 qPrintable(anchored.problem));
        QString err;
        QCOMPARE(RunFileFixture::runVerifyCli(anchorArguments(path), &err), 1);
    }

    void tamperedAnchorLineFails_data()
    {
        QTest::addColumn<int>("field");
        QTest::newRow("run id") << 0;
        QTest::newRow("row count") << 1;
        QTest::newRow("head hash") << 2;
        QTest::newRow("time") << 3;
        QTest::newRow("seal") << 4;
    }

    void tamperedAnchorLineFails()
    {
        QFETCH(int, field);
        const QString path = freshRun(QStringLiteral("anchor-%1").arg(field));
        QVERIFY(!path.isEmpty());
        QFile log(logOf(path));
        QVERIFY(log.open(QIODevice::ReadWrite));
        QList<QByteArray> lines = log.readAll().split('\n');
        QList<QByteArray> fields = lines.at(1).split(' ');
        QByteArray &value = fields[field];
        const qsizetype at = std::max<qsizetype>(0, value.size() - 2); // one digit of line 2
        value[at] = value.at(at) == '1' ? '2' : '1';
        lines[1] = fields.join(' ');
        QVERIFY(log.resize(0));
        log.write(lines.join('\n'));
        log.close();
        const RunVerifier::Report report = RunVerifier::verify(path, m_anchors);
        QVERIFY(!report.ok);
        QVERIFY2(report.problem.contains(QStringLiteral("line 2: its seal (HMAC) does not match")),
                 qPrintable(report.problem));
        QString err;
        QCOMPARE(RunFileFixture::runVerifyCli(anchorArguments(path), &err), 1);
        QVERIFY2(err.contains(QStringLiteral("line 2")), qPrintable(err));
    }

    void anotherKeyFails()
    {
        const QString path = freshRun(QStringLiteral("other-key"));
        QVERIFY(!path.isEmpty());
        QByteArray key(32, 'k');
        QVERIFY(RunAnchorLog(logOf(path), key)
                    .append(RunAnchor{QStringLiteral("x"), 1, QByteArray(32, 0), 0})
                    .isEmpty());
        const RunVerifier::Report report = RunVerifier::verify(path, m_anchors);
        QVERIFY(!report.ok);
        QVERIFY2(report.problem.contains(QStringLiteral("line 4")), qPrintable(report.problem));
    }

    void missingAnchorLogIsAWarning()
    {
        const QString path = freshRun(QStringLiteral("copied"));
        QVERIFY(!path.isEmpty());
        QVERIFY(QFile::remove(logOf(path)));
        QString err, out;
        QCOMPARE(RunFileFixture::runVerifyCli(anchorArguments(path), &err, &out), 0);
        QVERIFY2(err.startsWith(QStringLiteral("warning: no anchor log")), qPrintable(err));
        QVERIFY2(out.contains(QStringLiteral("intact")), qPrintable(out));
        // Its own chain is still checked: a changed row fails even without anchors.
        QCOMPARE(RunFileFixture::tamper(path, {QStringLiteral("UPDATE audit SET reason = 'x' WHERE id = 3")}),
                 QString());
        QCOMPARE(RunFileFixture::runVerifyCli(anchorArguments(path), &err), 1);
    }

    void crashCutLineIsIgnoredAndRepaired()
    {
        const QString path = freshRun(QStringLiteral("torn"));
        QVERIFY(!path.isEmpty());
        const QString logPath = logOf(path);
        QFile log(logPath);
        QVERIFY(log.open(QIODevice::Append));
        log.write("cut off by a cra");
        log.close();
        RunVerifier::Report report = RunVerifier::verify(path, m_anchors);
        QVERIFY2(report.ok, qPrintable(report.problem));
        QCOMPARE(report.warnings.size(), 1);
        QVERIFY(report.warnings.first().contains(QStringLiteral("line 4 is incomplete")));
        // Continuing the run cuts the torn tail before appending.
        RunRecorder recorder(path, {});
        recorder.setAnchorLocation(m_anchors);
        QSignalSpy opened(&recorder, &RunRecorder::opened);
        recorder.start();
        QVERIFY(opened.wait(5000));
        recorder.record(RunFileFixture::auditEntry(1760000009000, QStringLiteral("mode"), QStringLiteral("a"),
                                                   QStringLiteral("b"), QStringLiteral("resumed")));
        recorder.stop();
        report = RunVerifier::verify(path, m_anchors);
        QVERIFY2(report.ok, qPrintable(report.problem));
        QVERIFY(report.warnings.isEmpty());
        QCOMPARE(report.anchoredRows, 7);
    }

    // Recorders that start together (or one killed while creating the key) never read a short key: the key
    // appears under its name whole, once, and every creator gets the same one.
    void keyIsCreatedWholeOnceByRacingCreators()
    {
        constexpr int rounds = 20;
        constexpr int creators = 6;
        for (int round = 0; round < rounds; ++round) {
            const QString keyFile = m_dir.filePath(QStringLiteral("race/%1.key").arg(round));
            std::atomic<bool> go{false};
            QVector<QByteArray> keys(creators);
            QStringList errors;
            QMutex errorsLock;
            std::vector<std::thread> threads;
            for (int i = 0; i < creators; ++i)
                threads.emplace_back([&, i] {
                    while (!go) {
                    }
                    if (const QString error = AnchorKey::load(keyFile, true, &keys[i]); !error.isEmpty()) {
                        const QMutexLocker locker(&errorsLock);
                        errors << error;
                    }
                });
            go = true;
            for (std::thread &thread : threads)
                thread.join();
            QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
            for (const QByteArray &key : std::as_const(keys))
                QCOMPARE(key, keys.first());
            QCOMPARE(keys.first().size(), AnchorKey::size);
        }
        // The temporary files the creators wrote are gone (only the key files are left).
        QCOMPARE(QDir(m_dir.filePath(QStringLiteral("race"))).entryList(QDir::Files).size(), rounds);
    }

private:
    QTemporaryDir m_dir;
    AnchorLocation m_anchors;
};

QTEST_GUILESS_MAIN(TestAnchors)
#include "tst_anchors.moc"
