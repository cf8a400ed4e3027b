#pragma once
// PubChem's X-Throttling-Control header, e.g.
//   "Request Count status: Green (1%), Request Time status: Green (2%), Service status: Green (10%)"
// reduced to the worst of its statuses. Green < 50 %, Yellow 50-75 %, Red > 75 %, Black = blocked.
#include <QByteArray>
#include <QMetaType>
#include <QString>

enum class ServerLoad
{
    Unknown, // header missing or unreadable
    Green,
    Yellow,
    Red,
    Black
};

Q_DECLARE_METATYPE(ServerLoad)

ServerLoad parseThrottlingControl(const QByteArray &headerValue);
QString serverLoadName(ServerLoad load);
