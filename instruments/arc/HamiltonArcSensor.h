#pragma once
// Driver for a Hamilton Arc sensor (pH, dissolved oxygen, ...) over Modbus RTU on an InstrumentLink (19200
// 8N2, slave address 1 by default). Each channel is one measurement block (ArcMeasurement) read with function
// 3 from its manual register number minus 1. Sensor status bits and range set the reading's quality; a value
// that is not a number, or in another unit than the station expects, makes the channel unavailable instead.
#include "StreamInstrument.h"

#include <QMap>

class HamiltonArcSensor : public StreamInstrument
{
    Q_OBJECT
public:
    // registers: channel -> manual register number (1-based, e.g. 2090 for PMC1).
    HamiltonArcSensor(const QString &name, const LinkEndpoint &endpoint, int slaveAddress,
                      const QList<ChannelInfo> &channels, const QMap<QString, int> &registers,
                      int pollPeriodMs, int timeoutMs, QObject *parent = nullptr);

    QString driverId() const override { return QStringLiteral("hamilton-arc"); }
    int slaveAddress() const { return m_slave; }

protected:
    void poll() override;

private:
    void readChannel(const ChannelInfo &channel, int manualRegister);

    int m_slave;
    QMap<QString, int> m_registers;
};
