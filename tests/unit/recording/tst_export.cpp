// Export round trips: what is read back from the CSV is what was recorded (values, units, quality,
// timestamps), time ranges and channel selection cut exactly, resampling averages or takes the last value,
// the manifest and audit CSV describe the run, the zip opens with Python's zipfile, cancel leaves nothing.
#include "RunExporter.h"
#include "RunFileFixture.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {
constexpr qint64 t0 = 1763769600123; // 2025-11-22T00:00:00.123Z

QList<QStringList> readCsv(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QStringList> rows;
    for (QByteArray line : file.readAll().split('\n')) {
        if (line.isEmpty())
            continue;
        if (!line.endsWith('\r'))
            return {};
        line.chop(1);
        rows.append(QString::fromUtf8(line).split(QLatin1Char(',')));
    }
    return rows;
}

qint64 parseUtc(const QString &text)
{
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    return time.isValid() && text.endsWith(QLatin1Char('Z')) ? time.toMSecsSinceEpoch() : -1;
}
} // namespace

class TestExport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_run = m_dir.filePath(QStringLiteral("run.rdrun"));
        // Two channels, 10 Hz for 2 minutes; awkward values (full double precision, negative, tiny, huge),
        // some Uncertain and Bad readings.
        for (int i = 0; i < 1200; ++i) {
            const qint64 t = t0 + i * 100;
            const Quality q = i % 97 == 5 ? Quality::Bad : i % 31 == 7 ? Quality::Uncertain : Quality::Good;
            m_readings << Reading{QStringLiteral("ph"), t, 7.0 + 1.0 / 3.0 + i * 1e-7, QStringLiteral("pH"),
                                  q};
            if (i % 2 == 0)
                m_readings << Reading{QStringLiteral("temperature"), t + 1, i % 3 ? -0.1 * i : 1e-300 * i,
                                      QStringLiteral("degC"), Quality::Good};
        }
        m_readings << Reading{QStringLiteral("od"), t0 + 5, 6.02214076e23, QStringLiteral("OD600"),
                              Quality::Good};
        // A rejected reading without a number (NaN) is kept, as Bad, and comes back as an empty value.
        m_readings << Reading{QStringLiteral("od"), t0 + 6, qQNaN(), QStringLiteral("OD600"), Quality::Bad};
        QList<AuditEntry> audit{
            RunFileFixture::auditEntry(t0 + 1000, QStringLiteral("feed_pump.rate"), QStringLiteral("0"),
                                       QStringLiteral("12.5"), QStringLiteral("start feed, \"slowly\"")),
            RunFileFixture::auditEntry(t0 + 2000, QStringLiteral("note"), QString(),
                                       QStringLiteral("inoculated"), QStringLiteral("annotation"))};
        QList<ChannelInfo> channels{
            {QStringLiteral("ph"), QStringLiteral("pH"), QStringLiteral("pH"), 4.0, 9.0}};
        QVERIFY(RunFileFixture::write(m_run, m_readings, audit, channels));
    }

    void longLayoutRoundTrips()
    {
        const QString csv = m_dir.filePath(QStringLiteral("long.csv"));
        const RunExporter::Result result = RunExporter::exportCsv(m_run, csv, RunExporter::Layout::Long);
        QVERIFY2(result.ok, qPrintable(result.error));
        const QList<QStringList> rows = readCsv(csv);
        QCOMPARE(rows.size(), m_readings.size() + 1);
        QList<Reading> back;
        for (int i = 1; i < rows.size(); ++i) {
            const QStringList &row = rows.at(i);
            QCOMPARE(row.size(), 6);
            Reading r;
            r.sourceTimeMs = parseUtc(row.at(0));
            r.channel = row.at(2);
            bool ok = row.at(3).isEmpty();
            r.value = ok ? qQNaN() : row.at(3).toDouble(&ok);
            QVERIFY(ok);
            r.unit = row.at(4);
            QVERIFY(qualityFromName(row.at(5), &r.quality));
            back << r;
        }
        auto key = [](const Reading &r) { return std::make_pair(r.sourceTimeMs, r.channel); };
        QList<Reading> expected = m_readings;
        std::sort(expected.begin(), expected.end(),
                  [&](const Reading &a, const Reading &b) { return key(a) < key(b); });
        std::sort(back.begin(), back.end(),
                  [&](const Reading &a, const Reading &b) { return key(a) < key(b); });
        for (int i = 0; i < expected.size(); ++i) {
            QCOMPARE(back.at(i).sourceTimeMs, expected.at(i).sourceTimeMs);
            QCOMPARE(back.at(i).channel, expected.at(i).channel);
            QVERIFY2(back.at(i).value == expected.at(i).value ||
                         (qIsNaN(back.at(i).value) && qIsNaN(expected.at(i).value)),
                     qPrintable(rows.at(i + 1).join(QLatin1Char(','))));
            QCOMPARE(back.at(i).unit, expected.at(i).unit);
            QCOMPARE(back.at(i).quality, expected.at(i).quality);
        }
    }

    void rangeAndChannelSelection()
    {
        ExportRequest request;
        request.layout = ExportRequest::Layout::Long;
        request.csvFile = m_dir.filePath(QStringLiteral("range.csv"));
        request.fromMs = t0 + 10000;
        request.toMs = t0 + 20000; // inclusive
        request.channels = {QStringLiteral("ph")};
        const RunExporter::Result result = RunExporter::exportRun(m_run, request);
        QVERIFY2(result.ok, qPrintable(result.error));
        const QList<QStringList> rows = readCsv(request.csvFile);
        QCOMPARE(rows.size(), 101 + 1);
        QCOMPARE(parseUtc(rows.at(1).at(0)), t0 + 10000);
        QCOMPARE(parseUtc(rows.last().at(0)), t0 + 20000);
        for (int i = 1; i < rows.size(); ++i)
            QCOMPARE(rows.at(i).at(2), QStringLiteral("ph"));
        // elapsed_h still counts from the run's first reading
        QVERIFY(qAbs(rows.at(1).at(1).toDouble() - 10.0 / 3600.0) < 1e-7);

        request.channels = {QStringLiteral("ph"), QStringLiteral("nope")};
        const RunExporter::Result bad = RunExporter::exportRun(m_run, request);
        QVERIFY(!bad.ok);
        QVERIFY2(bad.error.contains(QStringLiteral("nope")), qPrintable(bad.error));
    }

    void wideResampling_data()
    {
        QTest::addColumn<int>("method");
        QTest::newRow("mean") << int(ExportRequest::Resample::Mean);
        QTest::newRow("last") << int(ExportRequest::Resample::Last);
    }
    void wideResampling()
    {
        QFETCH(int, method);
        ExportRequest request;
        request.csvFile = m_dir.filePath(QStringLiteral("resampled.csv"));
        request.resampleMs = 1000;
        request.resample = ExportRequest::Resample(method);
        request.channels = {QStringLiteral("ph")};
        const RunExporter::Result result = RunExporter::exportRun(m_run, request);
        QVERIFY2(result.ok, qPrintable(result.error));
        const QList<QStringList> rows = readCsv(request.csvFile);
        QCOMPARE(rows.first(), (QStringList{QStringLiteral("time_utc"), QStringLiteral("elapsed_h"),
                                            QStringLiteral("ph [pH]")}));
        // 120 s starting at .123: 121 one-second intervals, each labelled with its start.
        QCOMPARE(rows.size(), 121 + 1);
        for (int row = 1; row < rows.size(); ++row) {
            const qint64 bucket = parseUtc(rows.at(row).at(0));
            QCOMPARE(bucket % 1000, 0);
            double sum = 0, last = 0;
            int count = 0;
            for (const Reading &r : m_readings) {
                if (r.channel != QLatin1String("ph") || r.sourceTimeMs < bucket ||
                    r.sourceTimeMs >= bucket + 1000)
                    continue;
                if (r.quality != Quality::Bad) {
                    sum += r.value;
                    ++count;
                }
                last = r.value;
            }
            const double expected = method == int(ExportRequest::Resample::Mean) ? sum / count : last;
            QCOMPARE(rows.at(row).at(2).toDouble(), expected);
        }
    }

    void manifestAuditEventsAndZip()
    {
        ExportRequest request;
        request.csvFile = m_dir.filePath(QStringLiteral("readings.csv"));
        request.manifestFile = m_dir.filePath(QStringLiteral("manifest.json"));
        request.auditFile = m_dir.filePath(QStringLiteral("audit.csv"));
        request.eventsFile = m_dir.filePath(QStringLiteral("events.csv"));
        request.zipFile = m_dir.filePath(QStringLiteral("run.zip"));
        const RunExporter::Result result = RunExporter::exportRun(m_run, request);
        QVERIFY2(result.ok, qPrintable(result.error));
        QVERIFY(!QFile::exists(request.csvFile)); // only the zip appears
        QProcess python;
        python.start(QStringLiteral("/usr/bin/python3"),
                     {QStringLiteral("-c"),
                      QStringLiteral("import sys, zipfile, json\n"
                                     "z = zipfile.ZipFile(sys.argv[1])\n"
                                     "assert z.testzip() is None\n"
                                     "print(' '.join(sorted(z.namelist())))\n"
                                     "sys.stdout.write(z.read('manifest.json').decode() + '\\n---\\n')\n"
                                     "sys.stdout.write(z.read('audit.csv').decode())\n"),
                      request.zipFile});
        QVERIFY(python.waitForFinished(30000));
        QCOMPARE(python.exitCode(), 0);
        const QString output = QString::fromUtf8(python.readAllStandardOutput());
        const QStringList lines = output.split(QLatin1Char('\n'));
        QCOMPARE(lines.first(), QStringLiteral("audit.csv events.csv manifest.json readings.csv"));
        const int separator = int(lines.indexOf(QStringLiteral("---")));
        const QJsonObject manifest =
            QJsonDocument::fromJson(lines.mid(1, separator - 1).join(QLatin1Char('\n')).toUtf8()).object();
        QCOMPARE(manifest.value(QStringLiteral("station")).toString(), QStringLiteral("bench-7"));
        QCOMPARE(manifest.value(QStringLiteral("operator")).toString(), QStringLiteral("alice"));
        QVERIFY(!manifest.value(QStringLiteral("run_id")).toString().isEmpty());
        QVERIFY(manifest.value(QStringLiteral("finished_cleanly")).toBool());
        QVERIFY(manifest.value(QStringLiteral("gaps")).toArray().isEmpty());
        const QJsonArray channels = manifest.value(QStringLiteral("channels")).toArray();
        QCOMPARE(channels.size(), 3);
        const QJsonObject ph = channels.at(0).toObject();
        QCOMPARE(ph.value(QStringLiteral("name")).toString(), QStringLiteral("ph"));
        QCOMPARE(ph.value(QStringLiteral("unit")).toString(), QStringLiteral("pH"));
        QCOMPARE(ph.value(QStringLiteral("range")).toObject().value(QStringLiteral("max")).toDouble(), 9.0);
        QCOMPARE(ph.value(QStringLiteral("observed")).toObject().value(QStringLiteral("count")).toInt(),
                 1200);
        QCOMPARE(
            manifest.value(QStringLiteral("export")).toObject().value(QStringLiteral("readings")).toInt(),
            m_readings.size());
        const QStringList audit = lines.mid(separator + 1);
        QVERIFY(audit.at(0).startsWith(
            QStringLiteral("id,time_utc,user,role,object,old_value,new_value,reason,hash_sha256")));
        QVERIFY2(audit.at(1).contains(QStringLiteral("\"start feed, \"\"slowly\"\"\"")),
                 qPrintable(audit.at(1)));
        QVERIFY(audit.at(1).startsWith(
            QStringLiteral("1,2025-11-22T00:00:01.123Z,alice,Operator,feed_pump.rate,0,12.5")));
    }

    void commandLineOptions()
    {
        auto cli = [](const QStringList &arguments, QString *errors) {
            QProcess process;
            process.start(QStringLiteral(RD_CLI_PATH), QStringList{QStringLiteral("export")} + arguments);
            if (!process.waitForFinished(30000))
                return -1;
            *errors = QString::fromUtf8(process.readAllStandardError());
            return process.exitCode();
        };
        QString errors;
        const QString csv = m_dir.filePath(QStringLiteral("cli.csv"));
        // 01:00:10.123 at +01:00 is 00:00:10.123Z, ten seconds into the run.
        QCOMPARE(cli({m_run, QStringLiteral("--csv"), csv, QStringLiteral("--layout"), QStringLiteral("long"),
                      QStringLiteral("--from"), QStringLiteral("2025-11-22T01:00:10.123+01:00"),
                      QStringLiteral("--to"), QStringLiteral("2025-11-22T00:00:20.123Z"),
                      QStringLiteral("--channels"), QStringLiteral("ph")},
                     &errors),
                 0);
        const QList<QStringList> rows = readCsv(csv);
        QCOMPARE(rows.size(), 101 + 1);
        QCOMPARE(parseUtc(rows.at(1).at(0)), t0 + 10000);

        QCOMPARE(cli({m_run, QStringLiteral("--csv"), csv, QStringLiteral("--from"),
                      QStringLiteral("2025-11-22T01:00:10")},
                     &errors),
                 2);
        QVERIFY2(errors.contains(QStringLiteral("--from")) && errors.contains(QStringLiteral("offset")),
                 qPrintable(errors));
        QCOMPARE(
            cli({m_run, QStringLiteral("--csv"), csv, QStringLiteral("--resample"), QStringLiteral("5s")},
                &errors),
            2);
        QVERIFY(errors.contains(QStringLiteral("5s")));
        QCOMPARE(
            cli({m_run, QStringLiteral("--csv"), csv, QStringLiteral("--channels"), QStringLiteral("nope")},
                &errors),
            1);
        QVERIFY(errors.contains(QStringLiteral("nope")));

        const QString zip = m_dir.filePath(QStringLiteral("cli.zip"));
        QCOMPARE(
            cli({m_run, QStringLiteral("--csv"), QStringLiteral("readings.csv"), QStringLiteral("--resample"),
                 QStringLiteral("1min"), QStringLiteral("--resample-method"), QStringLiteral("last"),
                 QStringLiteral("--manifest"), QStringLiteral("manifest.json"), QStringLiteral("--zip"), zip},
                &errors),
            0);
        QVERIFY(QFile::exists(zip));
    }

    void cancelLeavesNoFile()
    {
        ExportRequest request;
        request.layout = ExportRequest::Layout::Long;
        request.csvFile = m_dir.filePath(QStringLiteral("cancelled.csv"));
        QList<qint64> seen;
        request.progress = [&](qint64 done, qint64 total) {
            seen << done;
            return total <= 0; // cancel at the first report
        };
        // Enough readings for a progress report: a bigger run.
        const QString big = m_dir.filePath(QStringLiteral("big.rdrun"));
        QList<Reading> readings;
        for (int i = 0; i < 70000; ++i)
            readings << Reading{QStringLiteral("x"), t0 + i, double(i), QStringLiteral("u"), Quality::Good};
        QVERIFY(RunFileFixture::write(big, readings, {}));
        const RunExporter::Result result = RunExporter::exportRun(big, request);
        QVERIFY(!result.ok);
        QVERIFY(result.cancelled);
        QCOMPARE(seen.size(), 1);
        QVERIFY(!QFile::exists(request.csvFile));
    }

private:
    QTemporaryDir m_dir;
    QString m_run;
    QList<Reading> m_readings;
};

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"
