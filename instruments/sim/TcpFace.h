#pragma once
// A simulator face on a TCP port of 127.0.0.1; each client connection gets its own protocol instance. While
// the face's "disconnect" fault is on, connections are closed and new ones refused.
#include "FaceProtocol.h"

#include <QObject>
#include <QTcpServer>

#include <memory>

class SimulatedReactor;

class TcpFace : public QObject
{
    Q_OBJECT
public:
    using ProtocolFactory = std::function<std::unique_ptr<FaceProtocol>()>;
    TcpFace(QString faceName, ProtocolFactory factory, SimulatedReactor *reactor, QObject *parent = nullptr);

    bool listen(quint16 port);
    quint16 port() const { return m_server.serverPort(); }
    QString errorString() const { return m_server.errorString(); }

private:
    void onNewConnection();

    QString m_faceName;
    ProtocolFactory m_factory;
    SimulatedReactor *m_reactor;
    QTcpServer m_server;
};
