#pragma once
// A simulated Hamilton Arc sensor as a Modbus RTU slave (address 1): PMC1 (the primary measurement) and PMC6
// (temperature) as 10-register blocks at manual registers 2090 and 2410, read with function 3 or 4. Other
// registers answer exception 2, other functions exception 1; frames for another slave or with a wrong CRC get
// no answer, as on a real bus.
#include "FaceProtocol.h"

#include <QString>

class SimulatedReactor;

class ArcModbusSlave : public FaceProtocol
{
public:
    // channel: the reactor channel of PMC1 ("ph" or "do"); unitBits: its Arc unit bit.
    ArcModbusSlave(SimulatedReactor *reactor, QString channel, quint32 unitBits, double minimum,
                   double maximum, quint8 address = 1);

    QList<QByteArray> feed(const QByteArray &bytes) override;

private:
    QByteArray answer(const QByteArray &request);
    QList<quint16> block(bool temperature);

    SimulatedReactor *m_reactor;
    QString m_channel;
    quint32 m_unitBits;
    double m_minimum;
    double m_maximum;
    quint8 m_address;
    QByteArray m_buffer;
};
