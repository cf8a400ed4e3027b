// The usage policy seen from the server: a 100-name batch at PubChem's real limits (5 requests/s) against a
// server that enforces them draws no 503, never has more than 5 requests in any second, and the event loop
// (EventLoopLagProbe) never lags 16 ms or more. A Yellow throttling header slows the client further.
#include "EventLoopLagProbe.h"
#include "FakePubChemServer.h"
#include "PubChemClient.h"

#include <QSignalSpy>
#include <QTest>

using Status = CompoundLookupResult::Status;

class TestPubChemPolicyLoopback : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hundredNamesStayWithinPolicyWithoutLag()
    {
        FakePubChemServer server(QStringLiteral(RD_PUBCHEM_FIXTURES));
        QVERIFY(server.listen());
        server.setLatencyMs(20);
        server.setEnforcedLimitPerSecond(5);
        RateLimiter limiter; // production defaults: 5/s, 400/min
        QCOMPARE(limiter.baseLimits().perSecond, 5);
        QCOMPARE(limiter.baseLimits().perMinute, 400);
        PubChemClient::Config config;
        config.baseUrl = server.baseUrl();
        PubChemClient client(config, nullptr, &limiter);
        QStringList names;
        for (int i = 0; i < 100; ++i)
            names.append(QStringLiteral("compound-%1").arg(i));

        EventLoopLagProbe probe(this, 5);
        QTest::qWait(50);
        probe.resetMaximum();
        LookupBatch *batch = client.lookupNames(names);
        QSignalSpy finished(batch, &LookupBatch::finished);
        QVERIFY(finished.wait(40000));

        for (int i = 0; i < 100; ++i) {
            QCOMPARE(batch->result(i).status, Status::Found);
            QCOMPARE(batch->result(i).compound()->cid, 900000 + i);
        }
        QCOMPARE(server.requestCount(), 100);
        QCOMPARE(server.busyRejections(), 0);
        QVERIFY2(server.maxRequestsInAnyWindow(1000) <= 5,
                 qPrintable(QString::number(server.maxRequestsInAnyWindow(1000))));
        QVERIFY2(probe.maxLagMsEver() < 16.0, qPrintable(QString::number(probe.maxLagMsEver())));
        qInfo("100 names in %lld ms, max event-loop lag %.2f ms", server.nowMs(), probe.maxLagMsEver());
    }

    void yellowStatusSlowsTheClient()
    {
        FakePubChemServer server(QStringLiteral(RD_PUBCHEM_FIXTURES));
        QVERIFY(server.listen());
        server.setThrottlingStatus("Yellow");
        RateLimiter limiter;
        limiter.reportServerLoad(ServerLoad::Yellow); // as after an earlier answer
        PubChemClient::Config config;
        config.baseUrl = server.baseUrl();
        PubChemClient client(config, nullptr, &limiter);
        QSignalSpy load(&client, &PubChemClient::serverLoadReported);
        QStringList names;
        for (int i = 0; i < 8; ++i)
            names.append(QStringLiteral("compound-%1").arg(i));
        LookupBatch *batch = client.lookupNames(names);
        QSignalSpy finished(batch, &LookupBatch::finished);
        QVERIFY(finished.wait(15000));
        QCOMPARE(load.count(), 8);
        QCOMPARE(load.last().at(0).value<ServerLoad>(), ServerLoad::Yellow);
        QVERIFY2(server.maxRequestsInAnyWindow(1000) <= 2,
                 qPrintable(QString::number(server.maxRequestsInAnyWindow(1000))));
    }

    void missingThrottlingHeaderKeepsTheLastLevel()
    {
        FakePubChemServer server(QStringLiteral(RD_PUBCHEM_FIXTURES));
        QVERIFY(server.listen());
        server.setThrottlingStatus(QByteArray());
        RateLimiter limiter;
        limiter.reportServerLoad(ServerLoad::Red);
        PubChemClient::Config config;
        config.baseUrl = server.baseUrl();
        PubChemClient client(config, nullptr, &limiter);
        LookupBatch *batch = client.lookupNames({QStringLiteral("ethanol"), QStringLiteral("water")});
        QSignalSpy finished(batch, &LookupBatch::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(limiter.serverLoad(), ServerLoad::Red);
        QVERIFY(server.maxRequestsInAnyWindow(1000) <= 1);
    }
};

QTEST_GUILESS_MAIN(TestPubChemPolicyLoopback)
#include "tst_pubchem_policy_loopback.moc"
