#pragma once
// One connection to one instrument, serial or TCP, driven entirely by Qt signals (never waitFor*). Owns the
// connection state machine and reconnects by itself with backoff after a failure, until close() is called.
#include "LinkEndpoint.h"
#include "LinkState.h"
#include "ReconnectBackoff.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

class QIODevice;

class InstrumentLink : public QObject
{
    Q_OBJECT
public:
    explicit InstrumentLink(const LinkEndpoint &endpoint, QObject *parent = nullptr);
    ~InstrumentLink() override;

    LinkEndpoint endpoint() const { return m_endpoint; }
    // Takes effect at the next (re)connect; used when a device reappears under a new path.
    void setEndpoint(const LinkEndpoint &endpoint) { m_endpoint = endpoint; }
    LinkState state() const { return m_state; }
    QString lastError() const { return m_lastError; }

    void open();
    void close();        // manual disconnect: stops retries
    void reconnectNow(); // drop the current connection and try again at once
    void failAndReconnect(const QString &reason);
    bool send(const QByteArray &bytes);
    void discardInput(); // flush stale input before a request
    void setDegraded(bool degraded);

Q_SIGNALS:
    void bytesReceived(const QByteArray &bytes);
    void bytesSent(const QByteArray &bytes); // for traffic logs
    void stateChanged(LinkState state);
    void errorOccurred(const QString &message);

private:
    void startAttempt();
    void onConnected();
    void onDeviceError(const QString &message);
    void scheduleReconnect();
    void teardownDevice();
    void setState(LinkState state);

    LinkEndpoint m_endpoint;
    LinkState m_state = LinkState::Disconnected;
    QPointer<QIODevice> m_device;
    QTimer m_reconnectTimer;
    QTimer m_connectTimeout;
    ReconnectBackoff m_backoff;
    QString m_lastError;
    bool m_wanted = false;
};
