#include "LinkRequestQueue.h"

LinkRequestQueue::LinkRequestQueue(InstrumentLink *link, QObject *parent) : QObject(parent), m_link(link)
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &LinkRequestQueue::onDeadline);
    m_quiet.setSingleShot(true);
    connect(&m_quiet, &QTimer::timeout, this, &LinkRequestQueue::onQuiet);
    connect(link, &InstrumentLink::bytesReceived, this, &LinkRequestQueue::onBytes);
    connect(link, &InstrumentLink::stateChanged, this, &LinkRequestQueue::onLinkState);
}

void LinkRequestQueue::request(const QByteArray &bytes, ReplyScanner scanner, int timeoutMs, Handler handler)
{
    if (m_queue.size() >= maxQueued) {
        handler(Outcome::QueueFull, {});
        return;
    }
    const LinkState state = m_link->state();
    if (state != LinkState::Connected && state != LinkState::Degraded) {
        handler(Outcome::LinkDown, {});
        return;
    }
    m_queue.push_back({bytes, std::move(scanner), timeoutMs, std::move(handler)});
    sendNext();
}

void LinkRequestQueue::sendNext()
{
    const LinkState state = m_link->state();
    if (m_busy || m_quiet.isActive() || m_queue.empty() ||
        (state != LinkState::Connected && state != LinkState::Degraded))
        return;
    m_current = std::move(m_queue.front());
    m_queue.pop_front();
    m_busy = true;
    m_link->discardInput();
    m_discardedBytes += int(m_buffer.size());
    m_buffer.clear();
    m_deadline.start(m_current.timeoutMs);
    if (!m_link->send(m_current.bytes))
        finish(Outcome::LinkDown, {});
}

void LinkRequestQueue::onBytes(const QByteArray &bytes)
{
    if (!m_busy) {
        m_discardedBytes += int(bytes.size()); // unsolicited or late: never an answer to anything
        if (m_quiet.isActive())
            m_quiet.start(); // still arriving: wait on
        return;
    }
    m_buffer.append(bytes);
    while (m_busy && !m_buffer.isEmpty()) {
        const ReplyScan scan = m_current.scanner(m_buffer);
        if (scan.kind == ReplyScan::Kind::NeedMore)
            return;
        if (scan.kind == ReplyScan::Kind::Skip) {
            m_discardedBytes += int(scan.length);
            if (scan.rejectReason)
                Q_EMIT replyRejected(QString::fromLatin1(scan.rejectReason));
            m_buffer.remove(0, scan.length);
            continue;
        }
        const QByteArray reply = m_buffer.left(scan.length);
        m_buffer.remove(0, scan.length);
        m_consecutiveTimeouts = 0;
        m_link->setDegraded(false);
        finish(Outcome::Replied, reply);
    }
}

void LinkRequestQueue::onDeadline()
{
    if (!m_busy)
        return;
    ++m_timeouts;
    ++m_consecutiveTimeouts;
    Q_EMIT timedOut(m_current.bytes, m_current.timeoutMs);
    m_quiet.start(m_current.timeoutMs);
    finish(Outcome::TimedOut, {});
    if (m_consecutiveTimeouts >= m_timeoutsBeforeReconnect) {
        m_consecutiveTimeouts = 0;
        m_link->failAndReconnect(tr("no reply to %1 requests in a row").arg(m_timeoutsBeforeReconnect));
    } else if (m_consecutiveTimeouts >= timeoutsBeforeDegraded) {
        m_link->setDegraded(true);
    }
}

void LinkRequestQueue::finish(Outcome outcome, const QByteArray &reply)
{
    m_deadline.stop();
    m_busy = false;
    Pending done = std::move(m_current);
    m_current = {};
    if (done.handler)
        done.handler(outcome, reply);
    sendNext();
}

void LinkRequestQueue::onQuiet()
{
    m_link->discardInput();
    sendNext();
}

void LinkRequestQueue::onLinkState(LinkState state)
{
    if (state == LinkState::Connected || state == LinkState::Degraded) {
        sendNext();
        return;
    }
    m_buffer.clear();
    m_quiet.stop();
    if (m_busy)
        finish(Outcome::LinkDown, {});
    // Requests waiting for a link that is gone are answered now rather than sent late.
    std::deque<Pending> dropped;
    dropped.swap(m_queue);
    for (Pending &pending : dropped)
        pending.handler(Outcome::LinkDown, {});
}
