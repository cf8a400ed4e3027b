#pragma once
#include <QString>

// The life of an instrument connection. Degraded: connected, but requests are timing out.
enum class LinkState
{
    Disconnected,
    Connecting,
    Connected,
    Degraded,
    Reconnecting
};

QString linkStateName(LinkState state);
