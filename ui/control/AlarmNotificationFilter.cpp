#include "AlarmNotificationFilter.h"

bool AlarmNotificationFilter::shouldNotify(const AlarmTransition &transition)
{
    const bool stillUnacked =
        transition.to == AlarmState::ActiveUnacked || transition.to == AlarmState::ReturnedUnacked;
    if (!stillUnacked) {
        // Acknowledged, back to normal, shelved or out of service: the next activation is news again.
        m_announcedUnacked.remove(transition.id);
        return false;
    }
    if (transition.to != AlarmState::ActiveUnacked || transition.priority != AlarmPriority::High)
        return false;
    if (m_announcedUnacked.contains(transition.id))
        return false;
    m_announcedUnacked.insert(transition.id);
    return true;
}
