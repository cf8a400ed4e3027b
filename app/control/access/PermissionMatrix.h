#pragma once
// The permission matrix: viewers change nothing, operators run the process (and acknowledge and shelve
// alarms), supervisors also change limits and alarm settings, admins also manage users. Checked below the UI
// by FeedController, ActuatorControl, AlarmManager and UserStore; a refusal becomes an audit entry.
#include "Actor.h"
#include "AuditEntry.h"
#include "Permission.h"

namespace PermissionMatrix {
bool allows(Role role, Permission permission);
// The audit entry for a refused action: who tried to do what to which object, and why it was refused.
AuditEntry refusal(const Actor &actor, Permission permission, const QString &object,
                   const QString &attempted);
// The error text shown to the user for a refused action.
QString refusalText(const Actor &actor, Permission permission);
} // namespace PermissionMatrix
