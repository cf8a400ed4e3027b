// reactordesk-cli lookup as a child process against the loopback server (the server runs in this process, so
// the child is awaited with QSignalSpy, which keeps this event loop turning).
#include "FakePubChemServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestLookupCli : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    Run runCli(const QStringList &arguments, const QProcessEnvironment &environment)
    {
        QProcess process;
        process.setProcessEnvironment(environment);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(RD_CLI_PATH), QStringList{QStringLiteral("lookup")} + arguments);
        if (!finished.wait(30000))
            return {};
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("REACTORDESK_LOOKUP_CACHE"),
                           m_dir.filePath(QStringLiteral("cache.sqlite")));
        environment.remove(QStringLiteral("REACTORDESK_PUBCHEM_URL"));
        return environment;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<FakePubChemServer> m_server;

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<FakePubChemServer>(QStringLiteral(RD_PUBCHEM_FIXTURES));
        QVERIFY(m_server->listen());
    }

    void tableInInputOrderExitZeroWhenAllAnswered()
    {
        const Run run = runCli({QStringLiteral("--no-cache"), QStringLiteral("--base-url"),
                                m_server->baseUrl().toString(), QStringLiteral("glucose"),
                                QStringLiteral("unobtainium"), QStringLiteral("ethanol")},
                               environment());
        QCOMPARE(run.exitCode, 0);
        const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        QVERIFY(lines.at(0).startsWith(QStringLiteral("name\tstatus\tcid\tformula\tmolecular_weight")));
        QVERIFY2(lines.at(1).startsWith(QStringLiteral("glucose\tdone\t5793\tC6H12O6\t180.16\t")),
                 qPrintable(lines.at(1)));
        QVERIFY(lines.at(2).startsWith(QStringLiteral("unobtainium\tnot found\t")));
        QVERIFY(lines.at(3).contains(QStringLiteral("LFQSCWFLJHTTHZ-UHFFFAOYSA-N")));
    }

    void jsonWithBaseUrlFromEnvironmentAndAmbiguity()
    {
        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("REACTORDESK_PUBCHEM_URL"), m_server->baseUrl().toString());
        const Run run =
            runCli({QStringLiteral("--json"), QStringLiteral("50-78-2"), QStringLiteral("water")}, env);
        QCOMPARE(run.exitCode, 0);
        const QJsonArray rows = QJsonDocument::fromJson(run.out.toUtf8()).array();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0)["status"].toString(), QStringLiteral("ambiguous"));
        QCOMPARE(rows.at(0)["candidates"].toArray().size(), 4);
        QCOMPARE(rows.at(1)["candidates"][0]["MolecularWeight"].toDouble(), 18.015);
    }

    void csvAndCacheAndFailureExitCode()
    {
        m_server->script(QStringLiteral("bad"), {FakePubChemServer::Behaviour::BadRequest400});
        const QStringList arguments{QStringLiteral("--csv"),
                                    QStringLiteral("--base-url"),
                                    m_server->baseUrl().toString(),
                                    QStringLiteral("--properties"),
                                    QStringLiteral("MolecularFormula,MolecularWeight,IUPACName"),
                                    QStringLiteral("acetic acid"),
                                    QStringLiteral("bad")};
        const Run first = runCli(arguments, environment());
        QCOMPARE(first.exitCode, 1); // "bad" failed
        QVERIFY2(first.out.contains(QStringLiteral("acetic acid,done,176,C2H4O2,60.05,acetic acid,,,")),
                 qPrintable(first.out));
        QVERIFY(first.out.contains(QStringLiteral("PUGREST.BadRequest")));
        const int requests = m_server->requestCount();
        const Run second = runCli(arguments.mid(0, 6), environment());
        QCOMPARE(second.exitCode, 0);
        QCOMPARE(m_server->requestCount(), requests); // answered from the cache file
    }

    void usageErrors()
    {
        QCOMPARE(runCli({}, environment()).exitCode, 2);
        const Run unknown = runCli(
            {QStringLiteral("--properties"), QStringLiteral("Colour"), QStringLiteral("x")}, environment());
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.err.contains(QStringLiteral("Colour")));
    }
};

QTEST_GUILESS_MAIN(TestLookupCli)
#include "tst_lookup_cli.moc"
