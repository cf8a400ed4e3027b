#include "ModbusTcpInstrument.h"

#include <QModbusReply>
#include <QVariant>

ModbusTcpInstrument::ModbusTcpInstrument(const QString &name, const QString &host, quint16 port, int unitId,
                                         const QList<ChannelInfo> &channels,
                                         const QMap<QString, ModbusPoint> &points,
                                         const QMap<QString, ModbusPoint> &actuatorPoints, int pollPeriodMs,
                                         int timeoutMs, QObject *parent)
    : InstrumentDriver(name, channels, pollPeriodMs, parent), m_host(host), m_port(port), m_unitId(unitId),
      m_points(points), m_actuatorPoints(actuatorPoints)
{
    m_client.setTimeout(timeoutMs);
    m_client.setNumberOfRetries(0); // retries are ours: the next poll
    connect(&m_client, &QModbusDevice::stateChanged, this, &ModbusTcpInstrument::onDeviceState);
    connect(&m_client, &QModbusDevice::errorOccurred, this, &ModbusTcpInstrument::onDeviceError);
    m_pollTimer.setInterval(pollPeriodMs);
    connect(&m_pollTimer, &QTimer::timeout, this, &ModbusTcpInstrument::poll);
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &ModbusTcpInstrument::connectNow);
}

ModbusTcpInstrument::~ModbusTcpInstrument()
{
    m_client.disconnect(this);
    m_client.disconnectDevice();
}

void ModbusTcpInstrument::setEndpoint(const LinkEndpoint &endpoint)
{
    m_host = endpoint.host;
    m_port = endpoint.port;
}

void ModbusTcpInstrument::open()
{
    m_wanted = true;
    m_backoff.reset();
    m_reconnectTimer.stop();
    if (m_client.state() != QModbusDevice::UnconnectedState)
        m_client.disconnectDevice();
    connectNow();
}

void ModbusTcpInstrument::close()
{
    m_wanted = false;
    m_reconnectTimer.stop();
    m_pollTimer.stop();
    m_client.disconnectDevice();
    setState(LinkState::Disconnected);
}

void ModbusTcpInstrument::connectNow()
{
    if (!m_wanted || m_client.state() != QModbusDevice::UnconnectedState)
        return;
    m_client.setConnectionParameter(QModbusDevice::NetworkAddressParameter, m_host);
    m_client.setConnectionParameter(QModbusDevice::NetworkPortParameter, m_port);
    setState(m_backoff.attempt() == 0 ? LinkState::Connecting : LinkState::Reconnecting);
    if (!m_client.connectDevice())
        onDeviceError(m_client.error());
}

void ModbusTcpInstrument::onDeviceState(QModbusDevice::State state)
{
    if (state == QModbusDevice::ConnectedState) {
        m_backoff.reset();
        m_consecutiveTimeouts = 0;
        m_pendingReads = 0;
        m_lastError.clear();
        setState(LinkState::Connected);
        m_pollTimer.start();
        return;
    }
    if (state != QModbusDevice::UnconnectedState)
        return;
    m_pollTimer.stop();
    if (!m_wanted) {
        setState(LinkState::Disconnected);
        return;
    }
    setState(LinkState::Reconnecting);
    if (!m_reconnectTimer.isActive())
        m_reconnectTimer.start(m_backoff.nextDelayMs());
}

void ModbusTcpInstrument::onDeviceError(QModbusDevice::Error error)
{
    if (error == QModbusDevice::NoError || error == QModbusDevice::TimeoutError)
        return; // request timeouts are counted per reply
    m_lastError = m_client.errorString();
    Q_EMIT problem(tr("%1: %2").arg(name(), m_lastError));
    if (m_client.state() == QModbusDevice::UnconnectedState && m_wanted && !m_reconnectTimer.isActive()) {
        setState(LinkState::Reconnecting);
        m_reconnectTimer.start(m_backoff.nextDelayMs());
    }
}

void ModbusTcpInstrument::poll()
{
    if (m_pendingReads > 0)
        return; // the previous poll is still out: do not pile up
    for (auto it = m_points.cbegin(); it != m_points.cend(); ++it) {
        const ChannelInfo *info = channel(it.key());
        if (!info)
            continue;
        const ModbusPoint point = it.value();
        const QModbusDataUnit unit(point.input ? QModbusDataUnit::InputRegisters
                                               : QModbusDataUnit::HoldingRegisters,
                                   point.address, quint16(point.format.registerCount()));
        QModbusReply *reply = m_client.sendReadRequest(unit, m_unitId);
        if (!reply)
            continue;
        Q_EMIT traffic(true, QByteArray::number(m_unitId) + " read " + QByteArray::number(point.address));
        ++m_pendingReads;
        const ChannelInfo channelInfo = *info;
        connect(reply, &QModbusReply::finished, this, [this, reply, point, channelInfo] {
            reply->deleteLater();
            m_pendingReads = std::max(0, m_pendingReads - 1);
            noteReply(reply);
            if (reply->error() != QModbusDevice::NoError)
                return;
            const QModbusDataUnit data = reply->result();
            Q_EMIT traffic(false, reply->rawResult().data().toHex(' '));
            if (int(data.valueCount()) < point.format.registerCount())
                return;
            const QList<quint16> values = data.values();
            const double value = point.format.decode(values.constData());
            if (!std::isfinite(value)) {
                Q_EMIT channelUnavailable(channelInfo.name,
                                          tr("register %1 holds no number").arg(point.address));
                return;
            }
            Q_EMIT readingsReceived({makeReading(channelInfo, value, Quality::Good)});
        });
    }
}

void ModbusTcpInstrument::noteReply(QModbusReply *reply)
{
    switch (reply->error()) {
    case QModbusDevice::NoError:
        m_consecutiveTimeouts = 0;
        if (m_state == LinkState::Degraded)
            setState(LinkState::Connected);
        return;
    case QModbusDevice::TimeoutError:
        ++m_consecutiveTimeouts;
        Q_EMIT problem(tr("%1: no reply within %2 ms").arg(name()).arg(m_client.timeout()));
        if (m_consecutiveTimeouts >= timeoutsBeforeReconnect) {
            m_consecutiveTimeouts = 0;
            m_lastError = tr("no reply to %1 requests in a row").arg(timeoutsBeforeReconnect);
            m_client.disconnectDevice(); // the state change schedules the reconnect
        } else if (m_consecutiveTimeouts >= timeoutsBeforeDegraded && m_state == LinkState::Connected) {
            setState(LinkState::Degraded);
        }
        return;
    case QModbusDevice::ProtocolError:
        Q_EMIT problem(tr("%1: %2").arg(name(), reply->errorString()));
        return;
    default:
        return;
    }
}

void ModbusTcpInstrument::command(const QString &actuator, double value, CommandDone done)
{
    const auto it = m_actuatorPoints.constFind(actuator);
    if (it == m_actuatorPoints.cend())
        return InstrumentDriver::command(actuator, value, std::move(done));
    if (m_state != LinkState::Connected && m_state != LinkState::Degraded) {
        done(false, tr("%1 is not connected").arg(name()));
        return;
    }
    const QList<quint16> words = it->format.encode(value);
    QModbusDataUnit unit(QModbusDataUnit::HoldingRegisters, it->address, quint16(words.size()));
    unit.setValues(words);
    QModbusReply *reply = m_client.sendWriteRequest(unit, m_unitId);
    if (!reply) {
        done(false, m_client.errorString());
        return;
    }
    connect(reply, &QModbusReply::finished, this, [this, reply, done] {
        reply->deleteLater();
        noteReply(reply);
        if (reply->error() == QModbusDevice::NoError)
            done(true, {});
        else
            done(false, reply->errorString());
    });
}

void ModbusTcpInstrument::setState(LinkState state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}
