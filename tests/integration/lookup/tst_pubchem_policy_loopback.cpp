// The usage policy seen from the server: a 100-name batch at PubChem's real limits (5 requests/s) against a
// server that enforces them draws no 503, never has more than 5 requests in any second, and the event loop
// (EventLoopLagProbe) never lags 16 ms or more. A Yellow throttling header slows the client further.
#include "EventLoopLagProbe.h"
#include "FakePubChemServer.h"
#include "PubChemClient.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <cstdlib>
#include <ctime>

using Status = CompoundLookupResult::Status;

namespace {
// CPU time this thread spent between two ticks of a 5 ms timer: the lag the thread caused itself. The
// wall-clock lag of EventLoopLagProbe also contains time the scheduler gave to other processes on a loaded
// machine.
class ThreadBusyMeter : public QObject
{
public:
    ThreadBusyMeter()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const double now = threadCpuMs();
            m_maxBusyMs = std::max(m_maxBusyMs, now - m_last);
            m_last = now;
        });
        m_last = threadCpuMs();
        m_timer.start(5);
    }
    double maxBusyMs() const { return m_maxBusyMs; }

private:
    static double threadCpuMs()
    {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
    }
    QTimer m_timer;
    double m_last = 0;
    double m_maxBusyMs = 0;
};

bool machineIsOverloaded()
{
    double load[1] = {0};
    return getloadavg(load, 1) == 1 && load[0] > QThread::idealThreadCount();
}
} // namespace

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
        ThreadBusyMeter busy;
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
        qInfo("100 names in %lld ms, max event-loop lag %.2f ms, max thread busy between ticks %.2f ms",
              server.nowMs(), probe.maxLagMsEver(), busy.maxBusyMs());
        // What this thread did itself never held the loop for 16 ms...
        QVERIFY2(busy.maxBusyMs() < 16.0, qPrintable(QString::number(busy.maxBusyMs())));
        // ...and the wall-clock lag stays well below a visible stall, unless other processes hold the cores
        // (load average above the core count), which would measure the machine, not this code. The bound is
        // looser than the 16 ms above because ctest runs other tests (simulators at high speed) beside this
        // one: a 20 ms preemption by them is the scheduler's, not ours.
        if (machineIsOverloaded())
            qWarning("load average above core count: wall-clock lag %.2f ms not asserted",
                     probe.maxLagMsEver());
        else
            QVERIFY2(probe.maxLagMsEver() < 50.0, qPrintable(QString::number(probe.maxLagMsEver())));
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
