#pragma once
// Requests to one instrument over one InstrumentLink, one outstanding at a time (a serial bus allows no
// more). Each request has its own deadline and reply scanner. Stale input is flushed before each request, so
// a late reply can never be taken for the answer to the next question. Timeouts in a row mark the link
// Degraded and then make it reconnect. The queue is bounded; a full queue refuses at once.
#include "InstrumentLink.h"
#include "ReplyScan.h"

#include <QTimer>

#include <deque>

class LinkRequestQueue : public QObject
{
    Q_OBJECT
public:
    enum class Outcome
    {
        Replied,
        TimedOut,
        LinkDown,
        QueueFull
    };
    using Handler = std::function<void(Outcome outcome, const QByteArray &reply)>;

    explicit LinkRequestQueue(InstrumentLink *link, QObject *parent = nullptr);

    void request(const QByteArray &bytes, ReplyScanner scanner, int timeoutMs, Handler handler);
    bool isIdle() const { return !m_busy && m_queue.empty(); }
    int timeouts() const { return m_timeouts; }
    int discardedBytes() const { return m_discardedBytes; }

    // A pump's link must be declared lost sooner than a sensor's: its feed goes safe when it is.
    void setTimeoutsBeforeReconnect(int count) { m_timeoutsBeforeReconnect = count; }

    static constexpr std::size_t maxQueued = 32;
    static constexpr int timeoutsBeforeDegraded = 2;

Q_SIGNALS:
    void timedOut(const QByteArray &request, int timeoutMs);
    void replyRejected(const QString &reason); // e.g. a Modbus frame with a wrong CRC

private:
    struct Pending
    {
        QByteArray bytes;
        ReplyScanner scanner;
        int timeoutMs = 0;
        Handler handler;
    };
    void sendNext();
    void onBytes(const QByteArray &bytes);
    void onDeadline();
    void onLinkState(LinkState state);
    void onQuiet();
    void finish(Outcome outcome, const QByteArray &reply);

    InstrumentLink *m_link;
    std::deque<Pending> m_queue;
    Pending m_current;
    bool m_busy = false;
    QByteArray m_buffer;
    QTimer m_deadline;
    QTimer m_quiet; // running while waiting out late replies after a timeout
    int m_consecutiveTimeouts = 0;
    int m_timeoutsBeforeReconnect = 5;
    int m_timeouts = 0;
    int m_discardedBytes = 0;
};
