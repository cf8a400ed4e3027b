// PubChem's asynchronous answers against the loopback server: a 202 {"Waiting":{"ListKey":...}} is polled by
// GET .../listkey/<key>/... with growing, jittered delays until the result comes; every poll passes the rate
// limiter (a server enforcing 5/s never has to refuse); a result that never comes fails at the deadline with
// the ListKey named, and the other items of the batch still get their answers.
#include "FakePubChemServer.h"
#include "PubChemClient.h"
#include "PubChemParser.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using Behaviour = FakePubChemServer::Behaviour;
using Status = CompoundLookupResult::Status;

class TestPubChemAsyncLoopback : public QObject
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
        config.asyncFirstPollMs = 40;
        config.asyncMaxPollMs = 400;
        config.asyncDeadlineMs = 5000;
        return config;
    }

    static bool waitFor(LookupBatch *batch, int timeoutMs = 15000)
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
        m_limiter = std::make_unique<RateLimiter>(); // the real policy, not shared across tests
    }

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

QTEST_GUILESS_MAIN(TestPubChemAsyncLoopback)
#include "tst_pubchem_async_loopback.moc"
