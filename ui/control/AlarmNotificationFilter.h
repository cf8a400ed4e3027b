#pragma once
// Decides which alarm transitions deserve a tray notification: a high-priority alarm that becomes active and
// unacknowledged, once. A re-raise while it is still unacknowledged (active -> returned -> active) is not
// announced again; after an acknowledgement, shelving or removal from service the next activation is.
// Low and medium priorities are never announced. Plain logic, so it is tested without a system tray.
#include "AlarmStatus.h"

#include <QSet>
#include <QString>

class AlarmNotificationFilter
{
public:
    // Feed every transition in order; true when this one should be announced.
    bool shouldNotify(const AlarmTransition &transition);

private:
    QSet<QString> m_announcedUnacked; // ids announced and not acknowledged (nor suppressed) since
};
