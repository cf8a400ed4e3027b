// The link under the drivers: reconnect backoff (0.5 s doubling to 30 s, +-20 % jitter), the bounded request
// queue, timeouts -> Degraded -> reconnect, and a serial device that disappears and comes back.
#include "LinkRequestQueue.h"
#include "PtyPeer.h"
#include "ReconnectBackoff.h"

#include <QTest>

class TestLink : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void backoffDoublesToTheCapWithJitter()
    {
        ReconnectBackoff backoff;
        const double bases[] = {500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000};
        for (double base : bases) {
            const int delay = backoff.nextDelayMs();
            QVERIFY2(delay >= base * 0.8 - 1 && delay <= base * 1.2 + 1, qPrintable(QString::number(delay)));
        }
        backoff.reset();
        QVERIFY(backoff.nextDelayMs() <= 600);
    }

    void jitterSpreadsTheRetries()
    {
        QSet<int> delays;
        for (int i = 0; i < 20; ++i) {
            ReconnectBackoff backoff;
            delays.insert(backoff.nextDelayMs());
        }
        QVERIFY(delays.size() > 5);
    }

    void fullQueueRefusesAtOnce()
    {
        PtyPeer peer;
        InstrumentLink link(LinkEndpoint::serial(peer.path()));
        LinkRequestQueue queue(&link);
        link.open();
        QTRY_COMPARE(link.state(), LinkState::Connected);
        int refused = 0;
        for (std::size_t i = 0; i < LinkRequestQueue::maxQueued + 3; ++i)
            queue.request("x\n", lineScanner("\n"), 5000,
                          [&](LinkRequestQueue::Outcome outcome, const QByteArray &) {
                              refused += outcome == LinkRequestQueue::Outcome::QueueFull;
                          });
        QCOMPARE(refused, 2); // one is in flight, maxQueued wait
        link.close();
    }

    void timeoutsDegradeThenReconnect()
    {
        PtyPeer peer;
        InstrumentLink link(LinkEndpoint::serial(peer.path()));
        LinkRequestQueue queue(&link);
        QList<LinkState> states;
        connect(&link, &InstrumentLink::stateChanged, this, [&](LinkState s) { states.append(s); });
        link.open();
        QTRY_COMPARE(link.state(), LinkState::Connected);
        int timeouts = 0;
        for (int i = 0; i < 5; ++i)
            queue.request("ping\n", lineScanner("\n"), 50,
                          [&](LinkRequestQueue::Outcome outcome, const QByteArray &) {
                              timeouts += outcome == LinkRequestQueue::Outcome::TimedOut;
                          });
        QTRY_VERIFY(states.contains(LinkState::Reconnecting));
        QCOMPARE(timeouts, 5);
        QVERIFY(states.indexOf(LinkState::Degraded) < states.indexOf(LinkState::Reconnecting));
        QTRY_COMPARE(link.state(), LinkState::Connected); // the pty is still there: back after the backoff
        link.close();
    }

    void vanishedDeviceIsRetriedUntilItReturns()
    {
        auto peer = std::make_unique<PtyPeer>();
        InstrumentLink link(LinkEndpoint::serial(peer->path()));
        link.open();
        QTRY_COMPARE(link.state(), LinkState::Connected);
        peer.reset(); // the adapter is unplugged: the pty disappears
        QTRY_COMPARE(link.state(), LinkState::Reconnecting);
        QVERIFY(!link.lastError().isEmpty());
        PtyPeer replacement; // plugged in again, under a new name
        link.setEndpoint(LinkEndpoint::serial(replacement.path()));
        QTRY_COMPARE_WITH_TIMEOUT(link.state(), LinkState::Connected, 8000);
        link.close();
        QCOMPARE(link.state(), LinkState::Disconnected);
    }
};

QTEST_GUILESS_MAIN(TestLink)
#include "tst_instruments_link.moc"
