// reactordesk-cli model ... run as a real child process: CSV formats, the fixture values, and errors.
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {
const QString fixtures = QStringLiteral(RD_SOURCE_DIR "/tests/fixtures/models/");

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

CliRun runCli(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(RD_CLI_PATH), QStringList{"model"} + arguments);
    CliRun run;
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QList<QStringList> readCsv(const QString &text)
{
    QList<QStringList> rows;
    for (const QString &line : text.split('\n', Qt::SkipEmptyParts))
        rows.append(line.split(','));
    return rows;
}
} // namespace

class TestModelsCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void simulateWritesTheFixtureTable();
    void simulateWithOxygenFillsC();
    void badParameterFileNamesFileAndKey();
    void usageErrors();
    void estimateFromMeasurements();
    void optimizeReachesTheReference();
    void fitRecoversParameters();
};

void TestModelsCli::simulateWritesTheFixtureTable()
{
    QTemporaryDir dir;
    const QString out = dir.filePath("sim.csv");
    const CliRun run =
        runCli({"simulate", "--params", fixtures + "fedbatch_penicillin.json", "--t-end", "150", "--times",
                "10,50,100,150", "--rtol", "1e-10", "--atol", "1e-12", "--out", out});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QStringList> rows = readCsv(QString::fromUtf8(file.readAll()));
    QCOMPARE(rows.size(), 5);
    QCOMPARE(rows[0].join(','), QStringLiteral("t_h,X,S,P,V,C,F"));
    const double expected[4][5] = {{10, 1.1793126142, 0.4337825563, 0.0434534204, 120.2},
                                   {50, 1.9289316373, 0.0270023016, 0.2968389945, 121.0},
                                   {100, 2.5518668685, 0.0157335272, 0.7418851847, 122.0},
                                   {150, 3.1110575493, 0.0108725414, 1.3009026369, 123.0}};
    for (int r = 0; r < 4; ++r) {
        const QStringList &row = rows[r + 1];
        QCOMPARE(row.size(), 7);
        for (int c = 0; c < 5; ++c)
            QVERIFY2(std::abs(row[c].toDouble() - expected[r][c]) <= 1e-6 * std::abs(expected[r][c]),
                     qPrintable(row.join(',')));
        QVERIFY(row[5].isEmpty()); // oxygen off
        QCOMPARE(row[6].toDouble(), 0.02);
    }
}

void TestModelsCli::simulateWithOxygenFillsC()
{
    const CliRun run = runCli({"simulate", "--params", fixtures + "fedbatch_oxygen.json", "--t-end", "24"});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QList<QStringList> rows = readCsv(run.out);
    QVERIFY(rows.size() > 3); // the solver's own steps
    QCOMPARE(rows[1][0].toDouble(), 0.0);
    QCOMPARE(rows.last()[0].toDouble(), 24.0);
    for (int r = 1; r < rows.size(); ++r) {
        bool ok = false;
        const double c = rows[r][5].toDouble(&ok);
        QVERIFY(ok && c > 0.0 && c <= 0.0075 + 1e-9);
    }
}

void TestModelsCli::badParameterFileNamesFileAndKey()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("typo.json");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"kinetics": {"mu_max": 0.02, "Yxs": 0.5, "Kss": 1}, "feed": {"S_in": 1,
               "profile": {"type": "constant", "F": 0}}, "initial": {"X": 1, "S": 1, "V": 1}})");
    file.close();
    const CliRun run = runCli({"simulate", "--params", path, "--t-end", "10"});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(path) && run.err.contains("kinetics.Kss"), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
}

void TestModelsCli::usageErrors()
{
    QCOMPARE(runCli({"simulate", "--params", fixtures + "fedbatch_penicillin.json"}).exitCode, 2);
    QCOMPARE(runCli({"frobnicate"}).exitCode, 2);
    const CliRun run = runCli({"optimize", "--params", fixtures + "fedbatch_penicillin.json", "--t-end",
                               "150", "--intervals", "15", "--u-max", "0.2", "--objective", "money"});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains("--objective"));
}

void TestModelsCli::estimateFromMeasurements()
{
    QTemporaryDir dir;
    // Measurements: the model's own X and V every 2 h, S missing on most rows.
    const CliRun sim =
        runCli({"simulate", "--params", fixtures + "fedbatch_penicillin.json", "--t-end", "60", "--times",
                "2,4,6,8,10,12,14,16,18,20,22,24,26,28,30,32,34,36,38,40,42,44,46,48,50,"
                "52,54,56,58,60"});
    QVERIFY2(sim.exitCode == 0, qPrintable(sim.err));
    QString csv = "t_h,X,S,V\n";
    const QList<QStringList> rows = readCsv(sim.out);
    for (int r = 1; r < rows.size(); ++r)
        csv += QStringLiteral("%1,%2,%3,%4\n")
                   .arg(rows[r][0], rows[r][1], r % 5 == 0 ? rows[r][2] : QString(), rows[r][4]);
    const QString measurements = dir.filePath("m.csv");
    QFile file(measurements);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(csv.toUtf8());
    file.close();

    const CliRun run = runCli(
        {"estimate", "--params", fixtures + "fedbatch_penicillin.json", "--measurements", measurements});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QList<QStringList> estimates = readCsv(run.out);
    QCOMPARE(estimates[0].join(','),
             QStringLiteral("t_h,X,S,P,V,C,mu_max,sd_X,sd_S,sd_P,sd_V,sd_C,sd_mu_max"));
    QCOMPARE(estimates.size(), rows.size());
    const QStringList &last = estimates.last();
    QCOMPARE(last[0].toDouble(), 60.0);
    QVERIFY(std::abs(last[1].toDouble() - rows.last()[1].toDouble()) < 0.02);
    QVERIFY(std::abs(last[6].toDouble() - 0.02) < 0.002);
    QVERIFY(last[5].isEmpty() && last[11].isEmpty());
    QVERIFY(last[7].toDouble() > 0.0);

    // A column the parameter file has no noise for is an error naming it.
    QFile pOnly(dir.filePath("p.csv"));
    QVERIFY(pOnly.open(QIODevice::WriteOnly));
    pOnly.write("t_h,P\n1,0.01\n");
    pOnly.close();
    const CliRun bad = runCli(
        {"estimate", "--params", fixtures + "fedbatch_penicillin.json", "--measurements", pOnly.fileName()});
    QCOMPARE(bad.exitCode, 1);
    QVERIFY2(bad.err.contains("measurement_noise.P"), qPrintable(bad.err));
}

void TestModelsCli::optimizeReachesTheReference()
{
    const CliRun run =
        runCli({"optimize", "--params", fixtures + "fedbatch_penicillin.json", "--t-end", "150",
                "--intervals", "15", "--objective", "product", "--u-max", "0.2", "--x-max", "3.7"});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QStringList lines = run.out.split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 17); // header, 15 intervals, summary
    QCOMPARE(lines[0], QStringLiteral("t_start_h,t_end_h,F"));
    QCOMPARE(lines[15].section(',', 0, 1), QStringLiteral("140,150"));
    const QRegularExpression summary(R"(P\(150 h\) = (\d+\.\d+))");
    const auto match = summary.match(lines.last());
    QVERIFY2(match.hasMatch(), qPrintable(lines.last()));
    QVERIFY(match.captured(1).toDouble() >= 1.6820);
}

void TestModelsCli::fitRecoversParameters()
{
    QTemporaryDir dir;
    const QString measurements = dir.filePath("xs.csv");
    const CliRun sim = runCli({"simulate", "--params", fixtures + "fedbatch_penicillin.json", "--t-end",
                               "150", "--times", "10,20,30,40,50,60,70,80,90,100,110,120,130,140,150"});
    QVERIFY2(sim.exitCode == 0, qPrintable(sim.err));
    QString csv;
    for (const QStringList &row : readCsv(sim.out))
        csv += row.mid(0, 3).join(',') + '\n'; // t_h,X,S
    QFile file(measurements);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(csv.toUtf8());
    file.close();
    const CliRun run = runCli({"fit", "--params", fixtures + "fedbatch_penicillin.json", "--measurements",
                               measurements, "--fit", "mu_max,Yxs"});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QList<QStringList> rows = readCsv(run.out);
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows[0].join(','), QStringLiteral("name,value,sd"));
    QCOMPARE(rows[1][0], QStringLiteral("mu_max"));
    QVERIFY(std::abs(rows[1][1].toDouble() - 0.02) < 1e-6);
    QVERIFY(std::abs(rows[2][1].toDouble() - 0.5) < 1e-5);
}

QTEST_GUILESS_MAIN(TestModelsCli)
#include "test_models_cli.moc"
