#include "LinkState.h"

#include <QCoreApplication>

QString linkStateName(LinkState state)
{
    switch (state) {
    case LinkState::Disconnected:
        return QCoreApplication::translate("LinkState", "Disconnected");
    case LinkState::Connecting:
        return QCoreApplication::translate("LinkState", "Connecting");
    case LinkState::Connected:
        return QCoreApplication::translate("LinkState", "Connected");
    case LinkState::Degraded:
        return QCoreApplication::translate("LinkState", "Degraded");
    case LinkState::Reconnecting:
        return QCoreApplication::translate("LinkState", "Reconnecting");
    }
    return {};
}
