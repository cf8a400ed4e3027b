#pragma once
// Where an instrument is reached: a serial device path (a tty or pty, typed by the user) or host:port over
// TCP.
#include <QString>

struct LinkEndpoint
{
    enum class Kind
    {
        Serial,
        Tcp
    };
    Kind kind = Kind::Tcp;
    QString serialPath;
    qint32 baudRate = 9600;
    int dataBits = 8;
    int parity = 0;                   // QSerialPort::Parity: 0 none, 2 even, 3 odd
    int stopBits = 1;                 // QSerialPort::StopBits: 1 one, 2 two
    bool softwareFlowControl = false; // Xon/Xoff, as some balances ship
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 0;

    static LinkEndpoint serial(const QString &path, qint32 baud = 9600)
    {
        LinkEndpoint e;
        e.kind = Kind::Serial;
        e.serialPath = path;
        e.baudRate = baud;
        return e;
    }
    static LinkEndpoint tcp(const QString &host, quint16 port)
    {
        LinkEndpoint e;
        e.kind = Kind::Tcp;
        e.host = host;
        e.port = port;
        return e;
    }
    QString describe() const
    {
        return kind == Kind::Serial ? serialPath : QStringLiteral("%1:%2").arg(host).arg(port);
    }
};
