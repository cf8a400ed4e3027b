#include "TcpFace.h"

#include "SimulatedReactor.h"

#include <QTcpSocket>

TcpFace::TcpFace(QString faceName, ProtocolFactory factory, SimulatedReactor *reactor, QObject *parent)
    : QObject(parent), m_faceName(std::move(faceName)), m_factory(std::move(factory)), m_reactor(reactor)
{
    connect(&m_server, &QTcpServer::newConnection, this, &TcpFace::onNewConnection);
}

bool TcpFace::listen(quint16 port)
{
    return m_server.listen(QHostAddress::LocalHost, port);
}

void TcpFace::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        if (m_reactor->faults(m_faceName).disconnected()) {
            socket->abort();
            continue;
        }
        std::shared_ptr<FaceProtocol> protocol = m_factory();
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket, protocol] {
            FaultSwitches &faults = m_reactor->faults(m_faceName);
            if (faults.disconnected()) {
                socket->abort();
                return;
            }
            for (const QByteArray &reply : protocol->feed(socket->readAll()))
                faults.deliver(
                    reply, socket, [socket](const QByteArray &bytes) { socket->write(bytes); },
                    m_reactor->random());
        });
    }
}
