#pragma once
// The simulated vessel PLC as a Modbus TCP server (QModbusTcpServer, unit 1) on 127.0.0.1. Holding registers,
// refreshed from the physics every 100 ms (32-bit items high word first):
//   0-1 volume mL (f32)   2-3 glucose g/L (f32)   4 temperature x100 degC (i16)   5 OD x100 (u16)
//   10-11 base pump rate mL/h (f32, writable, 0..200)      12-13 harvest pump rate mL/h (f32, writable,
//   0..500) 14-15 stirrer speed rpm (f32, writable, 100..1500)
// A write outside the simulated hardware's range is ignored; the read-back then shows the value in force.
// Clients connect to a small proxy in front of the server, so that every fault switch applies to the replies
// as on the other faces (delay, drop, garbage, split; "disconnect" closes and refuses connections).
#include <QModbusTcpServer>
#include <QObject>
#include <QTcpServer>
#include <QTimer>

class SimulatedReactor;

class ModbusTcpFace : public QObject
{
    Q_OBJECT
public:
    explicit ModbusTcpFace(SimulatedReactor *reactor, QObject *parent = nullptr);

    bool listen(quint16 port); // 0: a free port
    quint16 port() const { return m_proxy.serverPort(); }
    QString errorString() const { return m_error; }

    static constexpr int baseRateRegister = 10;
    static constexpr int harvestRateRegister = 12;
    static constexpr int stirrerRegister = 14;

private:
    void refresh();
    void onWritten(QModbusDataUnit::RegisterType table, int address, int size);
    void onClient();

    SimulatedReactor *m_reactor;
    QModbusTcpServer m_server;
    QTcpServer m_proxy;
    QTimer m_refresh;
    quint16 m_serverPort = 0; // internal, 127.0.0.1
    QString m_error;
    bool m_refreshing = false; // our own setData() calls also emit dataWritten: not a client's write
};
