#include "Role.h"

QString roleName(Role role)
{
    switch (role) {
    case Role::Viewer:
        return QStringLiteral("Viewer");
    case Role::Operator:
        return QStringLiteral("Operator");
    case Role::Supervisor:
        return QStringLiteral("Supervisor");
    case Role::Admin:
        return QStringLiteral("Admin");
    }
    return QStringLiteral("Viewer");
}

bool roleFromName(const QString &name, Role *role)
{
    for (Role candidate : {Role::Viewer, Role::Operator, Role::Supervisor, Role::Admin}) {
        if (name.compare(roleName(candidate), Qt::CaseInsensitive) == 0) {
            *role = candidate;
            return true;
        }
    }
    return false;
}
