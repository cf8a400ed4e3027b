#include "InstrumentLink.h"

#include <QLoggingCategory>
#include <QSerialPort>
#include <QTcpSocket>

Q_LOGGING_CATEGORY(lcLink, "reactordesk.link")

namespace {
constexpr int tcpConnectTimeoutMs = 5000;
}

InstrumentLink::InstrumentLink(const LinkEndpoint &endpoint, QObject *parent)
    : QObject(parent), m_endpoint(endpoint)
{
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &InstrumentLink::startAttempt);
    m_connectTimeout.setSingleShot(true);
    connect(&m_connectTimeout, &QTimer::timeout, this,
            [this] { onDeviceError(tr("connection timed out after %1 ms").arg(tcpConnectTimeoutMs)); });
}

InstrumentLink::~InstrumentLink()
{
    m_wanted = false;
    if (m_device) {
        m_device->disconnect(this);
        delete m_device;
    }
}

void InstrumentLink::open()
{
    m_wanted = true;
    m_backoff.reset();
    if (!m_device)
        startAttempt();
}

void InstrumentLink::close()
{
    m_wanted = false;
    m_reconnectTimer.stop();
    m_connectTimeout.stop();
    teardownDevice();
    setState(LinkState::Disconnected);
}

void InstrumentLink::reconnectNow()
{
    m_wanted = true;
    m_backoff.reset();
    m_reconnectTimer.stop();
    teardownDevice();
    startAttempt();
}

void InstrumentLink::failAndReconnect(const QString &reason)
{
    onDeviceError(reason);
}

bool InstrumentLink::send(const QByteArray &bytes)
{
    if (!m_device || (m_state != LinkState::Connected && m_state != LinkState::Degraded))
        return false;
    Q_EMIT bytesSent(bytes);
    return m_device->write(bytes) == bytes.size();
}

void InstrumentLink::discardInput()
{
    if (m_device)
        m_device->readAll();
}

void InstrumentLink::setDegraded(bool degraded)
{
    if (m_state == LinkState::Connected && degraded)
        setState(LinkState::Degraded);
    else if (m_state == LinkState::Degraded && !degraded)
        setState(LinkState::Connected);
}

void InstrumentLink::startAttempt()
{
    if (!m_wanted)
        return;
    teardownDevice();
    setState(m_backoff.attempt() == 0 ? LinkState::Connecting : LinkState::Reconnecting);
    if (m_endpoint.kind == LinkEndpoint::Kind::Serial) {
        auto *port = new QSerialPort(m_endpoint.serialPath, this);
        port->setBaudRate(m_endpoint.baudRate);
        port->setDataBits(QSerialPort::DataBits(m_endpoint.dataBits));
        port->setParity(QSerialPort::Parity(m_endpoint.parity));
        port->setStopBits(QSerialPort::StopBits(m_endpoint.stopBits));
        port->setFlowControl(m_endpoint.softwareFlowControl ? QSerialPort::SoftwareControl
                                                            : QSerialPort::NoFlowControl);
        m_device = port;
        connect(port, &QSerialPort::readyRead, this, [this, port] { Q_EMIT bytesReceived(port->readAll()); });
        connect(port, &QSerialPort::errorOccurred, this, [this, port](QSerialPort::SerialPortError error) {
            if (error != QSerialPort::NoError && error != QSerialPort::TimeoutError)
                onDeviceError(port->errorString());
        });
        // Opening a tty does not wait for the peer; failure shows up as errorOccurred above.
        if (port->open(QIODevice::ReadWrite))
            onConnected();
        return;
    }
    auto *socket = new QTcpSocket(this);
    m_device = socket;
    connect(socket, &QTcpSocket::connected, this, &InstrumentLink::onConnected);
    connect(socket, &QTcpSocket::readyRead, this,
            [this, socket] { Q_EMIT bytesReceived(socket->readAll()); });
    connect(socket, &QTcpSocket::errorOccurred, this,
            [this, socket](QAbstractSocket::SocketError) { onDeviceError(socket->errorString()); });
    m_connectTimeout.start(tcpConnectTimeoutMs);
    socket->connectToHost(m_endpoint.host, m_endpoint.port);
}

void InstrumentLink::onConnected()
{
    m_connectTimeout.stop();
    m_backoff.reset();
    m_lastError.clear();
    qCInfo(lcLink) << "connected to" << m_endpoint.describe();
    setState(LinkState::Connected);
}

void InstrumentLink::onDeviceError(const QString &message)
{
    if (!m_device)
        return;
    m_connectTimeout.stop();
    m_lastError = message;
    qCWarning(lcLink) << m_endpoint.describe() << message;
    Q_EMIT errorOccurred(message);
    teardownDevice();
    if (m_wanted)
        scheduleReconnect();
    else
        setState(LinkState::Disconnected);
}

void InstrumentLink::scheduleReconnect()
{
    setState(LinkState::Reconnecting);
    m_reconnectTimer.start(m_backoff.nextDelayMs());
}

void InstrumentLink::teardownDevice()
{
    if (!m_device)
        return;
    QIODevice *device = m_device;
    m_device = nullptr;
    device->disconnect(this);
    device->close();
    // May be inside one of the device's own signals: delete it once that returns.
    device->deleteLater();
}

void InstrumentLink::setState(LinkState state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}
