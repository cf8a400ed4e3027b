#include "StreamInstrument.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcDriver, "reactordesk.driver")

namespace {
// A request as text when it is text, else as hex (Modbus frames).
QString printable(const QByteArray &bytes)
{
    const QByteArray trimmed = bytes.trimmed();
    for (char c : trimmed)
        if (c < 0x20 || c > 0x7e)
            return QString::fromLatin1(bytes.toHex(' '));
    return QString::fromLatin1(trimmed);
}
} // namespace

StreamInstrument::StreamInstrument(const QString &name, const LinkEndpoint &endpoint,
                                   const QList<ChannelInfo> &channels, int pollPeriodMs, int timeoutMs,
                                   QObject *parent)
    : InstrumentDriver(name, channels, pollPeriodMs, parent), m_link(new InstrumentLink(endpoint, this)),
      m_queue(new LinkRequestQueue(m_link, this)), m_timeoutMs(timeoutMs)
{
    m_pollTimer.setInterval(pollPeriodMs);
    connect(&m_pollTimer, &QTimer::timeout, this, &StreamInstrument::pollNow);
    connect(m_link, &InstrumentLink::stateChanged, this, &StreamInstrument::onLinkState);
    connect(m_link, &InstrumentLink::errorOccurred, this, &StreamInstrument::problem);
    connect(m_link, &InstrumentLink::bytesSent, this,
            [this](const QByteArray &b) { Q_EMIT traffic(true, b); });
    connect(m_link, &InstrumentLink::bytesReceived, this,
            [this](const QByteArray &b) { Q_EMIT traffic(false, b); });
    connect(m_queue, &LinkRequestQueue::timedOut, this, [this](const QByteArray &request, int ms) {
        reportProblem(tr("no reply to %1 within %2 ms").arg(printable(request)).arg(ms));
    });
    connect(m_queue, &LinkRequestQueue::replyRejected, this,
            [this](const QString &reason) { reportProblem(tr("reply rejected: %1").arg(reason)); });
}

void StreamInstrument::pollNow()
{
    if (m_queue->isIdle() && (state() == LinkState::Connected || state() == LinkState::Degraded))
        poll();
}

void StreamInstrument::reportProblem(const QString &what)
{
    const QString message = tr("%1: %2").arg(name(), what);
    qCWarning(lcDriver) << message;
    Q_EMIT problem(message);
}

void StreamInstrument::onLinkState(LinkState state)
{
    const bool up = state == LinkState::Connected || state == LinkState::Degraded;
    if (up && !m_pollTimer.isActive()) {
        m_pollTimer.start();
        onConnected();
    } else if (!up) {
        m_pollTimer.stop();
    }
    Q_EMIT stateChanged(state);
}
