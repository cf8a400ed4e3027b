// The audit trail is append-only and hash-chained: triggers refuse UPDATE and DELETE, and verify catches
// any change made behind the triggers' back, down to a single byte of the file.
#include "RunFileFixture.h"
#include "RunVerifier.h"

#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString targetReason = QStringLiteral("sample taken: OD 2.31 (marker-7f3a)");

using RunFileFixture::tamper;

int runVerifyCli(const QString &path, QString *stderrText)
{
    return RunFileFixture::runVerifyCli({path}, stderrText);
}
} // namespace

class TestAuditTrail : public QObject
{
    Q_OBJECT
private:
    QString freshRun(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        QFile::remove(path);
        QList<AuditEntry> audit;
        for (int i = 0; i < 6; ++i)
            audit << RunFileFixture::auditEntry(1760000000000 + i * 1000, QStringLiteral("feed_pump.rate"),
                                                QString::number(i * 10), QString::number(i * 10 + 10),
                                                i == 3 ? targetReason : QStringLiteral("step %1").arg(i));
        Reading r{QStringLiteral("ph"), 1760000000000, 7.01, QStringLiteral("pH"), Quality::Good};
        if (!RunFileFixture::write(path, {r}, audit))
            return {};
        return path;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void intactRunVerifies()
    {
        const QString path = freshRun(QStringLiteral("intact.rdrun"));
        QVERIFY(!path.isEmpty());
        const RunVerifier::Report report = RunVerifier::verify(path);
        QVERIFY2(report.ok, qPrintable(report.problem));
        QCOMPARE(report.auditRows, 6);
        QString err;
        QCOMPARE(runVerifyCli(path, &err), 0);
    }

    void updateAndDeleteAreRefused()
    {
        const QString path = freshRun(QStringLiteral("refuse.rdrun"));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("refuse"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(!q.exec(QStringLiteral("UPDATE audit SET new_value = '99' WHERE id = 2")));
            QVERIFY2(q.lastError().text().contains(QStringLiteral("append-only")),
                     qPrintable(q.lastError().text()));
            QVERIFY(!q.exec(QStringLiteral("DELETE FROM audit WHERE id = 2")));
            QVERIFY(!q.exec(QStringLiteral("DELETE FROM audit")));
            QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM audit")) && q.next());
            QCOMPARE(q.value(0).toInt(), 6);
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("refuse"));
        QVERIFY(RunVerifier::verify(path).ok);
    }

    void changedFieldIsCaught_data()
    {
        QTest::addColumn<QString>("statement");
        QTest::addColumn<qint64>("badRow");
        QTest::newRow("new value") << "UPDATE audit SET new_value = '31' WHERE id = 3" << qint64(3);
        QTest::newRow("user") << "UPDATE audit SET user = 'mallory' WHERE id = 4" << qint64(4);
        QTest::newRow("role") << "UPDATE audit SET role = 'Admin' WHERE id = 1" << qint64(1);
        QTest::newRow("time +1 ms") << "UPDATE audit SET t_ms = t_ms + 1 WHERE id = 5" << qint64(5);
        // Same integer part, stored as a real: only the type check sees it.
        QTest::newRow("time as real") << "UPDATE audit SET t_ms = t_ms + 0.25 WHERE id = 2" << qint64(2);
        QTest::newRow("reason as blob")
            << "UPDATE audit SET reason = CAST(reason AS BLOB) WHERE id = 6" << qint64(6);
        QTest::newRow("hash") << "UPDATE audit SET hash = zeroblob(32) WHERE id = 2" << qint64(2);
        QTest::newRow("deleted middle row") << "DELETE FROM audit WHERE id = 3" << qint64(3);
        QTest::newRow("deleted last row") << "DELETE FROM audit WHERE id = 6" << qint64(6);
        QTest::newRow("inserted row") << "INSERT INTO audit VALUES (7, 1, 'x', 'y', 'z', '1', '2', 'r', "
                                         "zeroblob(32))"
                                      << qint64(7);
    }
    void changedFieldIsCaught()
    {
        QFETCH(QString, statement);
        QFETCH(qint64, badRow);
        const QString path = freshRun(QStringLiteral("field.rdrun"));
        QCOMPARE(tamper(path, {statement}), QString());
        const RunVerifier::Report report = RunVerifier::verify(path);
        QVERIFY(!report.ok);
        QCOMPARE(report.firstBadRow, badRow);
        QString err;
        QCOMPARE(runVerifyCli(path, &err), 1);
        QVERIFY2(err.contains(QStringLiteral("row %1").arg(badRow)), qPrintable(err));
    }

    void droppedTriggerIsCaught()
    {
        const QString path = freshRun(QStringLiteral("trigger.rdrun"));
        QCOMPARE(tamper(path, {}, true), QString());
        const RunVerifier::Report report = RunVerifier::verify(path);
        QVERIFY(!report.ok);
        QVERIFY2(report.problem.contains(QStringLiteral("trigger")), qPrintable(report.problem));
    }

    // Every single byte of the row's reason, flipped in the file itself, is caught (by the chain or by
    // SQLite's integrity check).
    void everyFlippedByteOfARowIsCaught()
    {
        const QString pristine = freshRun(QStringLiteral("bytes.rdrun"));
        QFile file(pristine);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        file.close();
        const QByteArray needle = targetReason.toUtf8();
        const qsizetype at = bytes.indexOf(needle);
        QVERIFY(at > 0);
        QCOMPARE(bytes.indexOf(needle, at + 1), -1);
        const QString copy = m_dir.filePath(QStringLiteral("flipped.rdrun"));
        // The row's other fields sit just before the reason in the record: cover them too.
        for (qsizetype offset = at - 40; offset < at + needle.size(); ++offset) {
            QByteArray changed = bytes;
            changed[offset] = char(changed.at(offset) ^ 0x01);
            QFile::remove(copy);
            QFile out(copy);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(changed);
            out.close();
            const RunVerifier::Report report = RunVerifier::verify(copy);
            QVERIFY2(!report.ok,
                     qPrintable(QStringLiteral("byte %1 flipped went unnoticed").arg(offset - at)));
        }
    }

    void missingFileIsNamed()
    {
        const QString missing = m_dir.filePath(QStringLiteral("absent.rdrun"));
        const RunVerifier::Report report = RunVerifier::verify(missing);
        QVERIFY(!report.ok);
        QVERIFY(report.problem.contains(missing));
        QString err;
        QCOMPARE(runVerifyCli(missing, &err), 1);
        QVERIFY(err.contains(missing));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestAuditTrail)
#include "tst_audit_trail.moc"
