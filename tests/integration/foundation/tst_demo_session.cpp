// The demo end to end with real parts: reactordesk-sim as a child process, its pseudo-terminal and TCP faces,
// the run file on disk, the CSV read back (and by pandas).
#include "FeedController.h"
#include "ReactorSession.h"
#include "RunExporter.h"
#include "RunRecorder.h"
#include "SampleStore.h"

#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {
const QStringList allChannels = {
    QStringLiteral("ph"),           QStringLiteral("do"),        QStringLiteral("temperature"),
    QStringLiteral("od"),           QStringLiteral("glucose"),   QStringLiteral("volume"),
    QStringLiteral("balance"),      QStringLiteral("feed_rate"), QStringLiteral("base_rate"),
    QStringLiteral("harvest_rate"), QStringLiteral("stirrer")};

double latestValue(SampleStore *store, const QString &channel)
{
    const auto &series = store->series(channel);
    return series.empty() ? qQNaN() : series.back().value;
}

QList<QStringList> readCsv(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QStringList> rows;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.isEmpty())
            continue;
        if (!line.endsWith('\r'))
            return {}; // RFC 4180: CRLF line ends
        rows.append(QString::fromUtf8(line.chopped(1)).split(QLatin1Char(',')));
    }
    return rows;
}
} // namespace

class TestDemoSession : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void recordsEveryChannelControlsTheFeedAndExports()
    {
        const QString runFile = m_dir.filePath(QStringLiteral("demo.rdrun"));
        ReactorSession::Options options;
        options.simulatorProgram = QStringLiteral(RD_SIM_PATH);
        options.speed = 3600; // one simulated hour per second
        options.runFile = runFile;
        options.user = QStringLiteral("tester");
        ReactorSession session(options);
        QSignalSpy stopped(&session, &ReactorSession::stopped);
        session.start();

        SampleStore *store = session.store();
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(allChannels.cbegin(), allChannels.cend(),
                                             [store](const QString &c) { return store->pointCount(c) >= 2; }),
                                 15000);
        for (const QString &name : session.instrumentNames())
            QCOMPARE(session.instrumentState(name), LinkState::Connected);

        // With the feed off the volume holds still.
        const double volumeBefore = latestValue(store, QStringLiteral("volume"));
        QTest::qWait(1500);
        const double driftWithoutFeed = latestValue(store, QStringLiteral("volume")) - volumeBefore;
        QVERIFY2(qAbs(driftWithoutFeed) < 1e-6, qPrintable(QString::number(driftWithoutFeed)));

        // Out of the hard limits: refused below the UI, nothing sent.
        const Actor tester{options.user, Role::Operator};
        QVERIFY(!session.feed()->setRate(1000.0, tester, QStringLiteral("typo")).isEmpty());
        QVERIFY(!session.feed()->setRate(-1.0, tester, QStringLiteral("typo")).isEmpty());

        QSignalSpy confirmed(session.feed(), &FeedController::commandConfirmed);
        QVERIFY(session.feed()->setRate(80.0, tester, QStringLiteral("start feed")).isEmpty());
        QVERIFY(confirmed.wait(5000));
        QTRY_COMPARE_WITH_TIMEOUT(latestValue(store, QStringLiteral("feed_rate")), 80.0, 5000);
        const double volumeAtFeedStart = latestValue(store, QStringLiteral("volume"));
        QTest::qWait(2000);
        // 80 mL/h at one hour per second is 80 mL per second: far above the no-feed drift.
        const double rise = latestValue(store, QStringLiteral("volume")) - volumeAtFeedStart;
        QVERIFY2(rise > 60.0 && rise < 400.0, qPrintable(QString::number(rise)));

        session.shutdown();
        QVERIFY(stopped.wait(10000));
        QVERIFY(session.recorder()->committedReadings() > 50);

        // The run file holds every reading and the audit entry of the change.
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
            db.setDatabaseName(runFile);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT user, object, old_value, new_value, reason FROM audit "
                                          "WHERE object = 'feed_pump.rate' ORDER BY id")));
            // The two refused attempts are audited as refusals and left the rate at 0; then the accepted
            // change.
            for (const char *attempted : {"1000", "-1"}) {
                QVERIFY(q.next());
                QCOMPARE(q.value(0).toString(), QStringLiteral("tester"));
                QCOMPARE(q.value(2).toDouble(), 0.0);
                QCOMPARE(q.value(3).toString(), QString::fromLatin1(attempted));
                QVERIFY2(q.value(4).toString().startsWith(QLatin1String("refused: ")),
                         qPrintable(q.value(4).toString()));
            }
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("tester"));
            QCOMPARE(q.value(2).toDouble(), 0.0);
            QCOMPARE(q.value(3).toDouble(), 80.0);
            QCOMPARE(q.value(4).toString(), QStringLiteral("start feed"));
            QVERIFY(!q.next());
            QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*), COUNT(DISTINCT t_ms) FROM readings")) &&
                    q.next());
            m_readingCount = q.value(0).toLongLong();
            m_timestampCount = q.value(1).toLongLong();
            QCOMPARE(m_readingCount, session.recorder()->committedReadings());
        }
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
        m_runFile = runFile;
    }

    void wideCsvReadsBack()
    {
        QVERIFY(!m_runFile.isEmpty());
        const QString csv = m_dir.filePath(QStringLiteral("wide.csv"));
        const RunExporter::Result result = RunExporter::exportCsv(m_runFile, csv, RunExporter::Layout::Wide);
        QVERIFY2(result.ok, qPrintable(result.error));
        const QList<QStringList> rows = readCsv(csv);
        QCOMPARE(rows.size(), m_timestampCount + 1);
        const QStringList header = rows.first();
        QCOMPARE(header.at(0), QStringLiteral("time_utc"));
        QCOMPARE(header.at(1), QStringLiteral("elapsed_h"));
        QVERIFY(header.contains(QStringLiteral("ph [pH]")));
        QVERIFY(header.contains(QStringLiteral("volume [mL]")));
        QCOMPARE(header.size(), 2 + allChannels.size());
        const int phColumn = int(header.indexOf(QStringLiteral("ph [pH]")));
        const int doColumn = int(header.indexOf(QStringLiteral("do [%sat]")));
        qint64 previous = -1;
        double previousElapsed = -1;
        for (int i = 1; i < rows.size(); ++i) {
            const QStringList &row = rows.at(i);
            QCOMPARE(row.size(), header.size());
            QVERIFY2(row.at(0).endsWith(QLatin1Char('Z')), qPrintable(row.at(0)));
            const QDateTime time = QDateTime::fromString(row.at(0), Qt::ISODateWithMs);
            QVERIFY(time.isValid());
            QVERIFY(time.toMSecsSinceEpoch() > previous); // strictly increasing: one row per timestamp
            previous = time.toMSecsSinceEpoch();
            const double elapsed = row.at(1).toDouble();
            QVERIFY(elapsed >= previousElapsed);
            previousElapsed = elapsed;
            if (!row.at(phColumn).isEmpty()) {
                QVERIFY(row.at(phColumn).toDouble() > 5.5 && row.at(phColumn).toDouble() < 8.0);
            }
            if (!row.at(doColumn).isEmpty()) {
                QVERIFY(row.at(doColumn).toDouble() >= 0 && row.at(doColumn).toDouble() <= 110);
            }
        }
        QCOMPARE(rows.at(1).at(1).toDouble(), 0.0);
        QVERIFY(previousElapsed > 0.0 && previousElapsed < 0.1); // a few seconds of wall-clock time

        // pandas reads it unchanged: same rows, same columns, a float pH column.
        QProcess python;
        python.start(QStringLiteral("/usr/bin/python3"),
                     {QStringLiteral("-c"),
                      QStringLiteral("import sys, pandas; df = pandas.read_csv(sys.argv[1]); "
                                     "print(len(df), len(df.columns), df['ph [pH]'].dtype, "
                                     "pandas.to_datetime(df['time_utc']).is_monotonic_increasing)"),
                      csv});
        QVERIFY(python.waitForFinished(60000));
        const QString output = QString::fromUtf8(python.readAllStandardOutput()).trimmed();
        QCOMPARE(output, QStringLiteral("%1 %2 float64 True").arg(m_timestampCount).arg(header.size()));
    }

    void longCsvHasOneRowPerReading()
    {
        const QString csv = m_dir.filePath(QStringLiteral("long.csv"));
        const RunExporter::Result result = RunExporter::exportCsv(m_runFile, csv, RunExporter::Layout::Long);
        QVERIFY2(result.ok, qPrintable(result.error));
        const QList<QStringList> rows = readCsv(csv);
        QCOMPARE(rows.first(), (QStringList{QStringLiteral("time_utc"), QStringLiteral("elapsed_h"),
                                            QStringLiteral("channel"), QStringLiteral("value"),
                                            QStringLiteral("unit"), QStringLiteral("quality")}));
        QCOMPARE(rows.size(), m_readingCount + 1);
        QSet<QString> channels;
        const QStringList qualities = {QStringLiteral("Good"), QStringLiteral("Uncertain"),
                                       QStringLiteral("Bad")};
        for (int i = 1; i < rows.size(); ++i) {
            channels.insert(rows.at(i).at(2));
            QVERIFY2(qualities.contains(rows.at(i).at(5)), qPrintable(rows.at(i).at(5)));
            // The sensors are steady: their readings are Good (the balance may be Uncertain while feeding).
            if (rows.at(i).at(2) == QLatin1String("ph") || rows.at(i).at(2) == QLatin1String("temperature"))
                QCOMPARE(rows.at(i).at(5), QStringLiteral("Good"));
        }
        QCOMPARE(channels, QSet<QString>(allChannels.cbegin(), allChannels.cend()));
    }

    void exportOfAMissingOrCorruptFileSaysWhich()
    {
        const QString missing = m_dir.filePath(QStringLiteral("nope.rdrun"));
        RunExporter::Result result = RunExporter::exportCsv(missing, m_dir.filePath(QStringLiteral("x.csv")),
                                                            RunExporter::Layout::Wide);
        QVERIFY(!result.ok);
        QVERIFY(result.error.contains(missing));
        const QString garbage = m_dir.filePath(QStringLiteral("garbage.rdrun"));
        QFile file(garbage);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
        file.close();
        result = RunExporter::exportCsv(garbage, m_dir.filePath(QStringLiteral("y.csv")),
                                        RunExporter::Layout::Wide);
        QVERIFY(!result.ok);
        QVERIFY2(result.error.contains(garbage), qPrintable(result.error));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("y.csv")))); // no half-written output
    }

private:
    QTemporaryDir m_dir;
    QString m_runFile;
    qint64 m_readingCount = 0;
    qint64 m_timestampCount = 0;
};

QTEST_GUILESS_MAIN(TestDemoSession)
#include "tst_demo_session.moc"
