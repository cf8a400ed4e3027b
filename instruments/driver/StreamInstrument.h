#pragma once
// Base of the drivers that speak a byte protocol over an InstrumentLink (serial or TCP): owns the link and
// its request queue, polls every poll period while connected, and reports state and traffic. A poll is only
// started when nothing waits, so polls never pile up behind a slow instrument.
#include "InstrumentDriver.h"
#include "InstrumentLink.h"
#include "LinkRequestQueue.h"

#include <QTimer>

class StreamInstrument : public InstrumentDriver
{
    Q_OBJECT
public:
    StreamInstrument(const QString &name, const LinkEndpoint &endpoint, const QList<ChannelInfo> &channels,
                     int pollPeriodMs, int timeoutMs, QObject *parent = nullptr);

    InstrumentLink *link() const { return m_link; }
    LinkRequestQueue *queue() const { return m_queue; }
    int timeoutMs() const { return m_timeoutMs; }

    LinkState state() const override { return m_link->state(); }
    QString lastError() const override { return m_link->lastError(); }
    QString endpointText() const override { return m_link->endpoint().describe(); }
    void open() override { m_link->reconnectNow(); }
    void setEndpoint(const LinkEndpoint &endpoint) override { m_link->setEndpoint(endpoint); }
    void close() override { m_link->close(); }

    // Polls once now (also what the poll timer calls).
    void pollNow();

protected:
    virtual void poll() = 0;
    // Called on every (re)connect before the first poll: switch off unsolicited output, put actuators safe.
    virtual void onConnected() {}
    // Reports a reply the protocol cannot use, naming the instrument and the request.
    void reportProblem(const QString &what);

private:
    void onLinkState(LinkState state);

    InstrumentLink *m_link;
    LinkRequestQueue *m_queue;
    QTimer m_pollTimer;
    int m_timeoutMs;
};
