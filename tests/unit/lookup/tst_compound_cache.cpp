// CompoundCache on a real SQLite file in a temporary folder with a virtual clock: round trip, time-to-live of
// answers and of not-found, expired entries kept for offline use until purged, persistence, bad files.
#include "CompoundCache.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using Status = CompoundLookupResult::Status;

class TestCompoundCache : public QObject
{
    Q_OBJECT

private:
    static CompoundLookupResult ethanol()
    {
        CompoundRecord record;
        record.cid = 702;
        record.title = QStringLiteral("Ethanol");
        record.molecularFormula = QStringLiteral("C2H6O");
        record.molecularWeight = 46.07;
        record.smiles = QStringLiteral("CCO");
        record.xlogp = -0.1;
        CompoundLookupResult result;
        result.query = QStringLiteral("ethanol");
        result.status = Status::Found;
        result.candidates = {record};
        return result;
    }

    QTemporaryDir m_dir;
    QDateTime m_now = QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);
    CompoundCache::Clock clock()
    {
        return [this] { return m_now; };
    }

private Q_SLOTS:
    void roundTripKeepsEveryField()
    {
        CompoundCache cache(m_dir.filePath(QStringLiteral("a.sqlite")), {}, clock());
        QVERIFY(cache.isOpen());
        const QString key = CompoundCache::nameKey(QStringLiteral(" Ethanol"), QStringLiteral("P"));
        QCOMPARE(key, CompoundCache::nameKey(QStringLiteral("ethanol "), QStringLiteral("P")));
        QVERIFY(cache.store(key, ethanol()));
        const auto entry = cache.find(key);
        QVERIFY(entry.has_value());
        QVERIFY(!entry->expired);
        QVERIFY(entry->result.fromCache);
        const CompoundRecord &record = entry->result.candidates.first();
        QCOMPARE(record.cid, 702);
        QCOMPARE(*record.molecularWeight, 46.07);
        QCOMPARE(*record.xlogp, -0.1);
        QVERIFY(!record.exactMass.has_value());
        QCOMPARE(record.smiles, QStringLiteral("CCO"));
        QVERIFY(!cache.find(CompoundCache::nameKey(QStringLiteral("ethanol"), QStringLiteral("Q"))));
    }

    void answersLiveThirtyDaysNotFoundOneDay()
    {
        CompoundCache cache(m_dir.filePath(QStringLiteral("b.sqlite")), {}, clock());
        CompoundLookupResult missing;
        missing.status = Status::NotFound;
        QVERIFY(cache.store(QStringLiteral("found"), ethanol()));
        QVERIFY(cache.store(QStringLiteral("missing"), missing));
        m_now = m_now.addSecs(23 * 3600);
        QVERIFY(!cache.find(QStringLiteral("missing"))->expired);
        m_now = m_now.addSecs(2 * 3600);
        QVERIFY(cache.find(QStringLiteral("missing"))->expired);
        QVERIFY(!cache.find(QStringLiteral("found"))->expired);
        m_now = m_now.addDays(29);
        QVERIFY(cache.find(QStringLiteral("found"))->expired);
        QCOMPARE(cache.entryCount(), 2);   // expired entries stay for offline use...
        QCOMPARE(cache.purgeExpired(), 2); // ...until purged
        QCOMPARE(cache.entryCount(), 0);
    }

    void failuresAreNotCached()
    {
        CompoundCache cache(m_dir.filePath(QStringLiteral("c.sqlite")), {}, clock());
        CompoundLookupResult failed;
        failed.status = Status::Failed;
        failed.error = QStringLiteral("HTTP 503");
        QVERIFY(!cache.store(QStringLiteral("x"), failed));
        QVERIFY(!cache.find(QStringLiteral("x")));
    }

    void persistsAcrossInstancesAndCustomTtl()
    {
        const QString path = m_dir.filePath(QStringLiteral("d.sqlite"));
        {
            CompoundCache cache(path, {60, 10}, clock());
            QVERIFY(cache.store(QStringLiteral("k"), ethanol()));
        }
        CompoundCache reopened(path, {60, 10}, clock());
        QCOMPARE(reopened.find(QStringLiteral("k"))->result.candidates.first().cid, 702);
        m_now = m_now.addSecs(61);
        QVERIFY(reopened.find(QStringLiteral("k"))->expired);
    }

    void unusableFileIsReportedNotFatal()
    {
        const QString path = m_dir.filePath(QStringLiteral("not-a-db.sqlite"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
        file.close();
        CompoundCache cache(path, {}, clock());
        QVERIFY(!cache.isOpen());
        QVERIFY2(cache.errorString().contains(path), qPrintable(cache.errorString()));
        QVERIFY(!cache.store(QStringLiteral("k"), ethanol()));
        QVERIFY(!cache.find(QStringLiteral("k")));
    }

    void defaultPathFollowsTheEnvironment()
    {
        qputenv(CompoundCache::kEnvironmentVariable, m_dir.filePath(QStringLiteral("env.sqlite")).toUtf8());
        QCOMPARE(CompoundCache::defaultFilePath(), m_dir.filePath(QStringLiteral("env.sqlite")));
        qunsetenv(CompoundCache::kEnvironmentVariable);
        QVERIFY(CompoundCache::defaultFilePath().endsWith(QStringLiteral("/pubchem-cache.sqlite")));
    }
};

QTEST_GUILESS_MAIN(TestCompoundCache)
#include "tst_compound_cache.moc"
