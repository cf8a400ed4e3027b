#pragma once
// Driver for a generic Modbus TCP device (PLC-based vessels) through QModbusTcpClient. Every channel and
// actuator names its register, table (holding or input), data type, word order and scale (ModbusPoint), as
// the station file says. The link states and the reconnect backoff are the same as for InstrumentLink:
// Connected, Degraded after timeouts in a row, Reconnecting with 0.5 s doubling to 30 s (+-20 % jitter),
// Disconnected on close().
#include "InstrumentDriver.h"
#include "ModbusPoint.h"
#include "ReconnectBackoff.h"

#include <QMap>
#include <QModbusTcpClient>
#include <QTimer>

class ModbusTcpInstrument : public InstrumentDriver
{
    Q_OBJECT
public:
    ModbusTcpInstrument(const QString &name, const QString &host, quint16 port, int unitId,
                        const QList<ChannelInfo> &channels, const QMap<QString, ModbusPoint> &points,
                        const QMap<QString, ModbusPoint> &actuatorPoints, int pollPeriodMs, int timeoutMs,
                        QObject *parent = nullptr);
    ~ModbusTcpInstrument() override;

    QString driverId() const override { return QStringLiteral("modbus-tcp"); }
    LinkState state() const override { return m_state; }
    QString lastError() const override { return m_lastError; }
    QString endpointText() const override { return QStringLiteral("%1:%2").arg(m_host).arg(m_port); }
    void open() override;
    void close() override;
    void setEndpoint(const LinkEndpoint &endpoint) override;

    QStringList actuators() const override { return m_actuatorPoints.keys(); }
    void command(const QString &actuator, double value, CommandDone done) override;

    static constexpr int timeoutsBeforeDegraded = 2;
    static constexpr int timeoutsBeforeReconnect = 5;

private:
    void poll();
    void onDeviceState(QModbusDevice::State state);
    void onDeviceError(QModbusDevice::Error error);
    void noteReply(QModbusReply *reply);
    void connectNow();
    void setState(LinkState state);

    QModbusTcpClient m_client;
    QString m_host;
    quint16 m_port;
    int m_unitId;
    QMap<QString, ModbusPoint> m_points;
    QMap<QString, ModbusPoint> m_actuatorPoints;
    QTimer m_pollTimer;
    QTimer m_reconnectTimer;
    ReconnectBackoff m_backoff;
    LinkState m_state = LinkState::Disconnected;
    QString m_lastError;
    int m_pendingReads = 0;
    int m_consecutiveTimeouts = 0;
    bool m_wanted = false;
};
