// PubChemClient end to end against the loopback server: answers, ambiguity, not-found, the retry policy on
// 503 storms / HTML pages / resets / stalled and truncated bodies, malformed JSON, per-item failure
// isolation, results in arrival order, cancellation, CID and synonym batches, the cache (offline and stale),
// and asynchronous 202 Waiting answers polled by ListKey.
#include "FakePubChemServer.h"
#include "PubChemClient.h"
#include "PubChemParser.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using Behaviour = FakePubChemServer::Behaviour;
using Status = CompoundLookupResult::Status;

class TestPubChemClientLoopback : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakePubChemServer> m_server;
    std::unique_ptr<RateLimiter> m_limiter;

    PubChemClient::Config config() const
    {
        PubChemClient::Config config;
        config.baseUrl = m_server->baseUrl();
        config.transferTimeoutMs = 2000;
        config.retry.baseDelayMs = 40;
        config.retry.maxDelayMs = 400;
        config.asyncFirstPollMs = 40;
        config.asyncMaxPollMs = 400;
        config.asyncDeadlineMs = 5000;
        return config;
    }

    static bool waitFor(LookupBatch *batch, int timeoutMs = 10000)
    {
        if (batch->isFinished() && batch->size() > 0)
            return true;
        QSignalSpy spy(batch, &LookupBatch::finished);
        return spy.wait(timeoutMs);
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<FakePubChemServer>(QStringLiteral(RD_PUBCHEM_FIXTURES));
        QVERIFY(m_server->listen());
        m_server->setLatencyMs(5);
        m_limiter = std::make_unique<RateLimiter>(); // the real policy, but not shared across tests
    }

    void namesResolveWithBothSmilesSpellings()
    {
        PubChemClient client(config(), nullptr, m_limiter.get());
        LookupBatch *batch = client.lookupNames(
            {QStringLiteral("ethanol"), QStringLiteral("D-Glucose"), QStringLiteral("acetic acid")});
        QVERIFY(waitFor(batch));
        const CompoundRecord *ethanol = batch->result(0).compound();
        QVERIFY(ethanol);
        QCOMPARE(batch->result(0).status, Status::Found);
        QCOMPARE(ethanol->cid, 702);
        QCOMPARE(ethanol->molecularFormula, QStringLiteral("C2H6O"));
        QCOMPARE(*ethanol->molecularWeight, 46.07);
        QCOMPARE(ethanol->smiles, QStringLiteral("CCO"));
        QCOMPARE(*ethanol->xlogp, -0.1);
        const CompoundRecord *glucose = batch->result(1).compound();
        QVERIFY(glucose);
        QCOMPARE(glucose->cid, 5793);
        QCOMPARE(*glucose->molecularWeight, 180.16);
        QVERIFY(!glucose->xlogp.has_value()); // absent in the answer, not zero
        QCOMPARE(glucose->connectivitySmiles, QStringLiteral("C(C1C(C(C(C(O1)O)O)O)O)O")); // CanonicalSMILES
        QVERIFY(!glucose->smiles.isEmpty());                                               // IsomericSMILES
        QCOMPARE(batch->result(2).compound()->smiles, QStringLiteral("CC(=O)O"));
        QCOMPARE(batch->result(0).attempts, 1);
    }

    void ambiguousNameKeepsAllCandidates()
    {
        PubChemClient client(config(), nullptr, m_limiter.get());
        LookupBatch *batch = client.lookupNames({QStringLiteral("50-78-2")});
        QVERIFY(waitFor(batch));
        QCOMPARE(batch->result(0).status, Status::Ambiguous);
        QList<qint64> cids;
        for (const CompoundRecord &record : batch->result(0).candidates)
            cids.append(record.cid);
        QCOMPARE(cids, (QList<qint64>{2244, 67252, 3434975, 12280114}));
        QCOMPARE(batch->result(0).compound(), nullptr);
    }

    void notFoundAndBadRequestAreAnsweredAtOnce()
    {
        m_server->script(QStringLiteral("bad"), {Behaviour::BadRequest400});
        PubChemClient client(config(), nullptr, m_limiter.get());
        LookupBatch *batch = client.lookupNames({QStringLiteral("unobtainium"), QStringLiteral("bad")});
        QSignalSpy retrying(batch, &LookupBatch::itemRetrying);
        QVERIFY(waitFor(batch));
        QCOMPARE(batch->result(0).status, Status::NotFound);
        QCOMPARE(batch->result(1).status, Status::Failed);
        QVERIFY2(batch->result(1).error.contains(QStringLiteral("PUGREST.BadRequest")),
                 qPrintable(batch->result(1).error));
        QCOMPARE(m_server->requestCountFor(QStringLiteral("unobtainium")), 1);
        QCOMPARE(m_server->requestCountFor(QStringLiteral("bad")), 1);
        QCOMPARE(retrying.count(), 0);
    }

    void busyStormIsRetriedAndSlowsTheLimiter()
    {
        m_server->script(QStringLiteral("ethanol"),
                         {Behaviour::Busy503Html, Behaviour::Busy503Json, Behaviour::GatewayTimeout504});
        PubChemClient client(config(), nullptr, m_limiter.get());
        LookupBatch *batch = client.lookupNames({QStringLiteral("ethanol")});
        QSignalSpy retrying(batch, &LookupBatch::itemRetrying);
        QVERIFY(waitFor(batch));
        QCOMPARE(batch->result(0).status, Status::Found);
        QCOMPARE(batch->result(0).attempts, 4);
        QCOMPARE(retrying.count(), 3);
        QVERIFY2(retrying.at(0).at(2).toString().contains(QStringLiteral("503 Service Unavailable")),
                 qPrintable(retrying.at(0).at(2).toString())); // the HTML page's title
        QVERIFY(retrying.at(1).at(2).toString().contains(QStringLiteral("PUGREST.ServerBusy")));
        // The last answer said Green again, but the 503s said Red: the limiter followed the header.
        QCOMPARE(m_limiter->serverLoad(), ServerLoad::Green);
    }

    void retriesStopAfterThree()
    {
        m_server->script(QStringLiteral("water"), {Behaviour::Busy503Json, Behaviour::Busy503Json,
                                                   Behaviour::ServerError500Html, Behaviour::Busy503Json});
        PubChemClient client(config(), nullptr, m_limiter.get());
        LookupBatch *batch = client.lookupNames({QStringLiteral("water")});
        QVERIFY(waitFor(batch));
        QCOMPARE(batch->result(0).status, Status::Failed);
        QCOMPARE(m_server->requestCountFor(QStringLiteral("water")), 4);
        QVERIFY2(batch->result(0).error.contains(QStringLiteral("503")), qPrintable(batch->result(0).error));
        QVERIFY(batch->result(0).error.contains(QStringLiteral("3 retries")));
        QCOMPARE(m_limiter->serverLoad(), ServerLoad::Red);
    }

    void retryAfterIsHonoured()
    {
        m_server->setRetryAfterSeconds(1);
        m_server->script(QStringLiteral("benzene"), {Behaviour::Busy503Json});
        PubChemClient client(config(), nullptr, m_limiter.get());
        LookupBatch *batch = client.lookupNames({QStringLiteral("benzene")});
        QSignalSpy retrying(batch, &LookupBatch::itemRetrying);
        QVERIFY(waitFor(batch));
        QCOMPARE(batch->result(0).status, Status::Found);
        QCOMPARE(retrying.count(), 1);
        QVERIFY(retrying.at(0).at(3).toInt() >= 1000); // base delay 40 ms, Retry-After 1 s
    }

    void transportFailuresAreRetried()
    {
        m_server->script(QStringLiteral("methanol"), {Behaviour::ResetConnection});
        m_server->script(QStringLiteral("acetone"), {Behaviour::TruncatedBody});
        m_server->script(QStringLiteral("toluene"), {Behaviour::StallBody});
        PubChemClient::Config slowConfig = config();
        slowConfig.transferTimeoutMs = 1000; // the stalled body ends by this deadline
        PubChemClient client(slowConfig, nullptr, m_limiter.get());
        LookupBatch *batch = client.lookupNames(
            {QStringLiteral("methanol"), QStringLiteral("acetone"), QStringLiteral("toluene")});
        QSignalSpy retrying(batch, &LookupBatch::itemRetrying);
        QVERIFY(waitFor(batch));
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(batch->result(i).status, Status::Found);
            QCOMPARE(batch->result(i).attempts, 2);
        }
        QCOMPARE(retrying.count(), 3);
    }

    void malformedJsonIsAClearPerItemError()
    {
        m_server->script(QStringLiteral("hexane"), {Behaviour::MalformedJson});
        PubChemClient client(config(), nullptr, m_limiter.get());
        LookupBatch *batch = client.lookupNames({QStringLiteral("hexane"), QStringLiteral("ammonia")});
        QVERIFY(waitFor(batch));
        QCOMPARE(batch->result(0).status, Status::Failed);
        QVERIFY2(batch->result(0).error.contains(QStringLiteral("malformed JSON at byte")),
                 qPrintable(batch->result(0).error));
        QCOMPARE(m_server->requestCountFor(QStringLiteral("hexane")), 1); // not retried
        QCOMPARE(batch->result(1).status, Status::Found);                 // one failure never sinks the batch
    }

    void resultsArriveAsEachCompletes()
    {
        m_server->setLatencyFor(QStringLiteral("ethanol"), 600);
        m_server->setLatencyFor(QStringLiteral("water"), 10);
        PubChemClient client(config(), nullptr, m_limiter.get());
        LookupBatch *batch = client.lookupNames({QStringLiteral("ethanol"), QStringLiteral("water")});
        QSignalSpy items(batch, &LookupBatch::itemFinished);
        QSignalSpy progress(batch, &LookupBatch::progressChanged);
        QVERIFY(waitFor(batch));
        QCOMPARE(items.count(), 2);
        QCOMPARE(items.at(0).at(0).toInt(), 1); // water first although asked second
        QCOMPARE(items.at(1).at(0).toInt(), 0);
        QCOMPARE(progress.last().at(0).toInt(), 2);
    }

    void cancelEndsPendingItems()
    {
        m_server->setLatencyMs(300);
        PubChemClient client(config(), nullptr, m_limiter.get());
        QStringList names;
        for (int i = 0; i < 20; ++i)
            names.append(QStringLiteral("compound-%1").arg(i));
        LookupBatch *batch = client.lookupNames(names);
        QTRY_VERIFY_WITH_TIMEOUT(m_server->requestCount() >= 1, 3000);
        batch->cancel();
        QVERIFY(batch->isFinished());
        const int sentAtCancel = m_server->requestCount();
        QVERIFY(sentAtCancel <= 5);
        int cancelled = 0;
        for (int i = 0; i < batch->size(); ++i)
            cancelled += batch->result(i).status == Status::Cancelled ? 1 : 0;
        QCOMPARE(cancelled, 20);
        QCOMPARE(client.requestsInFlight(), 0);
        QTest::qWait(1200);
        QCOMPARE(m_server->requestCount(), sentAtCancel);
    }

    void cidBatchAndSynonyms()
    {
        PubChemClient client(config(), nullptr, m_limiter.get());
        LookupBatch *cids = client.lookupCids({702, 962, 555});
        QVERIFY(waitFor(cids));
        QCOMPARE(m_server->requestCount(), 1); // one POST cid=702,962,555
        QCOMPARE(cids->result(0).compound()->molecularFormula, QStringLiteral("C2H6O"));
        QCOMPARE(cids->result(1).compound()->molecularFormula, QStringLiteral("H2O"));
        QCOMPARE(cids->result(2).status, Status::NotFound);
        LookupBatch *synonyms = client.fetchSynonyms({5756});
        QVERIFY(waitFor(synonyms));
        QCOMPARE(synonyms->result(0).status, Status::Found);
        QCOMPARE(synonyms->result(0).synonyms.value(0), QStringLiteral("estriol"));
        QVERIFY(synonyms->result(0).synonyms.contains(QStringLiteral("50-27-1")));
        QVERIFY(synonyms->result(0).synonyms.size() > 100);
    }

    void cacheAnswersWithoutNetworkAndServesStaleOffline()
    {
        QTemporaryDir dir;
        QDateTime now = QDateTime::currentDateTimeUtc();
        CompoundCache cache(dir.filePath(QStringLiteral("cache.sqlite")), {}, [&now] { return now; });
        QVERIFY(cache.isOpen());
        PubChemClient::Config cfg = config();
        cfg.retry.maxRetries = 1;
        PubChemClient client(cfg, &cache, m_limiter.get());
        LookupBatch *first = client.lookupNames({QStringLiteral("ethanol"), QStringLiteral("unobtainium")});
        QVERIFY(waitFor(first));
        QCOMPARE(m_server->requestCount(), 2);

        LookupBatch *second = client.lookupNames({QStringLiteral("Ethanol "), QStringLiteral("unobtainium")});
        QVERIFY(waitFor(second));
        QCOMPARE(m_server->requestCount(), 2); // no network
        QVERIFY(second->result(0).fromCache);
        QCOMPARE(second->result(0).attempts, 0);
        QCOMPARE(second->result(0).compound()->cid, 702);
        QCOMPARE(second->result(1).status, Status::NotFound);

        // Two days later the not-found entry has expired (1 day) but the answer (30 days) has not.
        now = now.addDays(2);
        LookupBatch *third = client.lookupNames({QStringLiteral("ethanol"), QStringLiteral("unobtainium")});
        QVERIFY(waitFor(third));
        QCOMPARE(m_server->requestCount(), 3);

        // Offline after 40 days: the expired answer is used, marked stale.
        now = now.addDays(40);
        const QUrl base = m_server->baseUrl();
        m_server.reset();
        cfg.baseUrl = base;
        PubChemClient offline(cfg, &cache, m_limiter.get());
        LookupBatch *fourth = offline.lookupNames({QStringLiteral("ethanol"), QStringLiteral("water")});
        QVERIFY(waitFor(fourth));
        QCOMPARE(fourth->result(0).status, Status::Found);
        QVERIFY(fourth->result(0).stale);
        QCOMPARE(fourth->result(1).status, Status::Failed); // never cached
        QVERIFY(!fourth->result(1).error.isEmpty());
    }

    void deletingABatchAbandonsItsRequests()
    {
        m_server->setLatencyMs(300);
        PubChemClient client(config(), nullptr, m_limiter.get());
        LookupBatch *batch = client.lookupNames({QStringLiteral("ethanol"), QStringLiteral("water")});
        QTRY_VERIFY_WITH_TIMEOUT(client.requestsInFlight() == 2, 3000);
        delete batch;
        QCOMPARE(client.requestsInFlight(), 0);
        QCOMPARE(client.queuedRequests(), 0);
    }

    void fullQueueFailsItemsClearly()
    {
        PubChemClient::Config small = config();
        small.maxQueuedRequests = 3;
        small.maxConcurrent = 1;
        PubChemClient client(small, nullptr, m_limiter.get());
        QStringList names;
        for (int i = 0; i < 6; ++i)
            names.append(QStringLiteral("compound-%1").arg(i));
        LookupBatch *batch = client.lookupNames(names);
        QVERIFY(waitFor(batch));
        int full = 0;
        for (int i = 0; i < 6; ++i)
            full += batch->result(i).error.contains(QStringLiteral("queue full")) ? 1 : 0;
        QCOMPARE(full, 3); // the bound is checked as the batch is queued: 3 wait, 3 are refused
    }

    // Asynchronous answers: 202 {"Waiting":{"ListKey":...}} is polled by GET .../listkey/<key>/... with
    // growing, jittered delays through the rate limiter, until the result or the deadline.
    void waitingListKeyParsed()
    {
        QCOMPARE(PubChemParser::parseWaitingListKey(
                     R"({"Waiting":{"ListKey":"2398753925847","Message":"Your request is running"}})"),
                 QStringLiteral("2398753925847"));
        QCOMPARE(PubChemParser::parseWaitingListKey(R"({"Waiting":{"ListKey":12345}})"),
                 QStringLiteral("12345"));
        QVERIFY(PubChemParser::parseWaitingListKey(R"({"Waiting":{"ListKey":"../../cid/1"}})").isEmpty());
        QVERIFY(PubChemParser::parseWaitingListKey(R"({"PropertyTable":{"Properties":[]}})").isEmpty());
        QVERIFY(PubChemParser::parseWaitingListKey("<html>busy</html>").isEmpty());
    }

    void waitingAnswerIsPolledUntilTheResult()
    {
        m_server->script(QStringLiteral("ethanol"),
                         {Behaviour::Waiting202, Behaviour::Waiting202, Behaviour::Waiting202});
        PubChemClient client(config(), nullptr, m_limiter.get());
        LookupBatch *batch = client.lookupNames({QStringLiteral("ethanol"), QStringLiteral("acetic acid")});
        QSignalSpy polls(batch, &LookupBatch::itemRetrying);
        QVERIFY(waitFor(batch));
        QCOMPARE(batch->result(0).status, Status::Found);
        QCOMPARE(batch->result(0).compound()->cid, 702);
        QCOMPARE(batch->result(1).status, Status::Found);
        QCOMPARE(m_server->listKeyPolls(), 3); // the POST got 202, two GETs 202, the third GET the table
        QCOMPARE(m_server->requestCountFor(QStringLiteral("ethanol")), 4);
        QCOMPARE(polls.size(), 3);
        int previousDelay = 0;
        for (const QList<QVariant> &poll : std::as_const(polls)) {
            QCOMPARE(poll.at(0).toInt(), 0);
            QVERIFY(poll.at(2).toString().contains(QStringLiteral("ListKey")));
            const int delay = poll.at(3).toInt();
            QVERIFY2(delay > previousDelay,
                     qPrintable(QString::number(delay))); // doubling beats +-25 % jitter
            QVERIFY(delay <= 400 * 1.25);
            previousDelay = delay;
        }
    }

    void resultThatNeverComesFailsAtTheDeadline()
    {
        m_server->script(QStringLiteral("glycerol"), QList<Behaviour>(200, Behaviour::Waiting202));
        PubChemClient::Config c = config();
        c.asyncDeadlineMs = 800;
        c.asyncMaxPollMs = 100;
        PubChemClient client(c, nullptr, m_limiter.get());
        QElapsedTimer elapsed;
        elapsed.start();
        LookupBatch *batch = client.lookupNames({QStringLiteral("glycerol"), QStringLiteral("ethanol")});
        QVERIFY(waitFor(batch));
        QCOMPARE(batch->result(0).status, Status::Failed);
        QVERIFY2(batch->result(0).error.contains(QStringLiteral("still working")),
                 qPrintable(batch->result(0).error));
        QVERIFY(batch->result(0).error.contains(QStringLiteral("ListKey")));
        QCOMPARE(batch->result(1).status, Status::Found); // the other item is not held up
        QVERIFY(elapsed.elapsed() >= 800);
        QVERIFY(m_server->listKeyPolls() >= 3);
        QVERIFY(m_server->listKeyPolls() < 40); // backoff, not a busy poll
    }

    void pollsPassTheRateLimiter()
    {
        m_server->setEnforcedLimitPerSecond(5);
        QStringList names;
        for (int i = 0; i < 6; ++i) {
            names << QStringLiteral("compound-%1").arg(i);
            m_server->script(names.last(), {Behaviour::Waiting202, Behaviour::Waiting202});
        }
        PubChemClient::Config c = config();
        c.asyncFirstPollMs = 10; // polls want to go out at once: only the limiter spaces them
        PubChemClient client(c, nullptr, m_limiter.get());
        LookupBatch *batch = client.lookupNames(names);
        QVERIFY(waitFor(batch, 20000));
        for (int i = 0; i < names.size(); ++i)
            QCOMPARE(batch->result(i).status, Status::Found);
        QCOMPARE(m_server->listKeyPolls(), 12);
        QCOMPARE(m_server->busyRejections(), 0);
        QVERIFY(m_server->maxRequestsInAnyWindow(1000) <= 5);
    }
};

QTEST_GUILESS_MAIN(TestPubChemClientLoopback)
#include "tst_pubchem_client_loopback.moc"
