#include "TcpFace.h"

#include "LineFramer.h"

#include <QTcpSocket>

#include <memory>

TcpFace::TcpFace(ScpiCommandHandler handler, SimulatedReactor *reactor, QObject *parent)
    : QObject(parent), m_handler(std::move(handler)), m_reactor(reactor)
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
        auto framer = std::make_shared<LineFramer>();
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, framer] {
            for (const QByteArray &line : framer->feed(socket->readAll())) {
                QByteArray reply = m_handler.handle(line);
                if (m_reactor->garbageActive())
                    reply.prepend(m_reactor->garbageBurst());
                socket->write(reply);
            }
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}
