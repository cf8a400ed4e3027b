#include "Role.h"

#include <QCoreApplication>

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

QString roleTitle(Role role)
{
    // Indexed by Role; marked for lupdate, translated when shown.
    static const char *const titles[] = {
        QT_TRANSLATE_NOOP("Role", "Viewer"), QT_TRANSLATE_NOOP("Role", "Operator"),
        QT_TRANSLATE_NOOP("Role", "Supervisor"), QT_TRANSLATE_NOOP("Role", "Admin")};
    const int index = int(role);
    return QCoreApplication::translate("Role", titles[index >= 0 && index < 4 ? index : 0]);
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
