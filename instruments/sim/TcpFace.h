#pragma once
// A simulator face on a TCP port of 127.0.0.1; each client connection gets its own line framer.
#include "ScpiCommandHandler.h"

#include <QObject>
#include <QTcpServer>

class TcpFace : public QObject
{
    Q_OBJECT
public:
    TcpFace(ScpiCommandHandler handler, SimulatedReactor *reactor, QObject *parent = nullptr);

    bool listen(quint16 port);
    quint16 port() const { return m_server.serverPort(); }
    QString errorString() const { return m_server.errorString(); }

private:
    void onNewConnection();

    ScpiCommandHandler m_handler;
    SimulatedReactor *m_reactor;
    QTcpServer m_server;
};
