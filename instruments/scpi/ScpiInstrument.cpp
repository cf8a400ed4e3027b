#include "ScpiInstrument.h"

#include <QDateTime>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcScpi, "reactordesk.scpi")

namespace {
// After this many timeouts in a row the link is considered dead and is reopened.
constexpr int timeoutsBeforeReconnect = 5;
constexpr int timeoutsBeforeDegraded = 2;
constexpr std::size_t maxQueuedCommands = 32;
} // namespace

ScpiInstrument::ScpiInstrument(const QString &name, InstrumentLink *link, const QList<ChannelInfo> &channels,
                               int pollPeriodMs, int timeoutMs, QObject *parent)
    : QObject(parent), m_name(name), m_link(link)
{
    for (const ChannelInfo &channel : channels)
        m_channels.insert(channel.name, channel);
    m_pollTimer.setInterval(pollPeriodMs);
    connect(&m_pollTimer, &QTimer::timeout, this, &ScpiInstrument::pollNow);
    m_deadline.setSingleShot(true);
    m_deadline.setInterval(timeoutMs);
    connect(&m_deadline, &QTimer::timeout, this, &ScpiInstrument::onTimeout);
    connect(link, &InstrumentLink::bytesReceived, this, &ScpiInstrument::onBytes);
    connect(link, &InstrumentLink::stateChanged, this, &ScpiInstrument::onLinkState);
    onLinkState(link->state());
}

void ScpiInstrument::request(const QByteArray &command, ReplyHandler handler)
{
    if (m_queue.size() >= maxQueuedCommands) {
        ScpiReply refused;
        refused.kind = ScpiReply::Kind::Error;
        refused.text = tr("command queue of %1 is full").arg(m_name);
        handler(refused, false);
        return;
    }
    m_queue.push_back({command, std::move(handler)});
    sendNext();
}

void ScpiInstrument::pollNow()
{
    // A poll is only queued when nothing else waits: polls never pile up behind a slow instrument.
    if (m_busy || !m_queue.empty())
        return;
    request("READ?", [this](const ScpiReply &reply, bool timedOut) {
        if (!timedOut && reply.kind == ScpiReply::Kind::Fields)
            publishFields(reply);
    });
}

void ScpiInstrument::sendNext()
{
    const LinkState state = m_link->state();
    if (m_busy || m_queue.empty() || (state != LinkState::Connected && state != LinkState::Degraded))
        return;
    m_current = std::move(m_queue.front());
    m_queue.pop_front();
    m_busy = true;
    m_link->discardInput();
    m_framer.clear();
    m_link->send(m_current.command + '\n');
    m_deadline.start();
}

void ScpiInstrument::onBytes(const QByteArray &bytes)
{
    for (const QByteArray &line : m_framer.feed(bytes)) {
        if (!m_busy) {
            qCDebug(lcScpi) << m_name << "unsolicited line dropped" << line.left(60);
            continue;
        }
        const ScpiReply reply = ScpiReply::parse(line);
        if (reply.kind == ScpiReply::Kind::Malformed) {
            ++m_malformed;
            Q_EMIT replyProblem(tr("%1: malformed reply to %2: %3")
                                    .arg(m_name, QString::fromLatin1(m_current.command), reply.text));
        }
        finishCurrent(reply, false);
    }
}

void ScpiInstrument::onTimeout()
{
    if (!m_busy)
        return;
    ++m_timeouts;
    ++m_consecutiveTimeouts;
    Q_EMIT replyProblem(tr("%1: no reply to %2 within %3 ms")
                            .arg(m_name, QString::fromLatin1(m_current.command))
                            .arg(m_deadline.interval()));
    ScpiReply none;
    finishCurrent(none, true);
    if (m_consecutiveTimeouts >= timeoutsBeforeReconnect) {
        m_consecutiveTimeouts = 0;
        m_link->failAndReconnect(tr("no reply to %1 requests in a row").arg(timeoutsBeforeReconnect));
    } else if (m_consecutiveTimeouts >= timeoutsBeforeDegraded) {
        m_link->setDegraded(true);
    }
}

void ScpiInstrument::finishCurrent(const ScpiReply &reply, bool timedOut)
{
    m_deadline.stop();
    m_busy = false;
    if (!timedOut) {
        m_consecutiveTimeouts = 0;
        m_link->setDegraded(false);
    }
    Pending done = std::move(m_current);
    m_current = {};
    if (done.handler)
        done.handler(reply, timedOut);
    sendNext();
}

void ScpiInstrument::publishFields(const ScpiReply &reply)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<Reading> readings;
    readings.reserve(reply.fields.size());
    for (const ScpiReply::Field &field : reply.fields) {
        const auto it = m_channels.constFind(field.name);
        if (it == m_channels.cend())
            continue; // a channel the station does not list is not ours to show
        readings.append(Reading{field.name, now, field.value, it->unit, Quality::Good});
    }
    if (!readings.isEmpty())
        Q_EMIT readingsReceived(readings);
}

void ScpiInstrument::onLinkState(LinkState state)
{
    if (state == LinkState::Connected || state == LinkState::Degraded) {
        if (!m_pollTimer.isActive())
            m_pollTimer.start();
        sendNext();
        return;
    }
    m_pollTimer.stop();
    m_framer.clear();
    if (m_busy) {
        ScpiReply none;
        finishCurrent(none, true);
    }
    // Commands waiting for a link that is gone are answered now rather than sent late.
    std::deque<Pending> dropped;
    dropped.swap(m_queue);
    for (Pending &pending : dropped)
        pending.handler(ScpiReply{}, true);
}
