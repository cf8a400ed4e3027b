#pragma once
// The simulated vessel PLC as a Modbus TCP server (QModbusTcpServer, unit 1) on 127.0.0.1. Holding registers,
// refreshed from the physics every 100 ms (32-bit items high word first):
//   0-1 volume mL (f32)   2-3 glucose g/L (f32)   4 temperature x100 degC (i16)   5 OD x100 (u16)
//   10-11 base pump rate mL/h (f32, writable: drives the physics' base addition)
// The "disconnect" fault stops the server until it is over.
#include <QModbusTcpServer>
#include <QObject>
#include <QTimer>

class SimulatedReactor;

class ModbusTcpFace : public QObject
{
    Q_OBJECT
public:
    explicit ModbusTcpFace(SimulatedReactor *reactor, QObject *parent = nullptr);

    bool listen(quint16 port); // 0: a free port
    quint16 port() const { return m_port; }
    QString errorString() const { return m_error; }

    static constexpr int baseRateRegister = 10;

private:
    void refresh();
    void onWritten(QModbusDataUnit::RegisterType table, int address, int size);

    SimulatedReactor *m_reactor;
    QModbusTcpServer m_server;
    QTimer m_refresh;
    quint16 m_port = 0;
    QString m_error;
    bool m_paused = false;
};
