#include "PermissionMatrix.h"

#include <QCoreApplication>
#include <QDateTime>

QString permissionName(Permission permission)
{
    switch (permission) {
    case Permission::ViewProcess:
        return QStringLiteral("view process");
    case Permission::OperateProcess:
        return QStringLiteral("operate process");
    case Permission::AcknowledgeAlarms:
        return QStringLiteral("acknowledge alarms");
    case Permission::ShelveAlarms:
        return QStringLiteral("shelve alarms");
    case Permission::ChangeAlarmSettings:
        return QStringLiteral("change alarm settings");
    case Permission::ChangeLimits:
        return QStringLiteral("change limits");
    case Permission::ConfigureStation:
        return QStringLiteral("configure the station");
    case Permission::ManageUsers:
        return QStringLiteral("manage users");
    }
    return {};
}

bool PermissionMatrix::allows(Role role, Permission permission)
{
    switch (permission) {
    case Permission::ViewProcess:
        return true;
    case Permission::OperateProcess:
    case Permission::AcknowledgeAlarms:
    case Permission::ShelveAlarms:
        return role >= Role::Operator;
    case Permission::ChangeAlarmSettings:
    case Permission::ChangeLimits:
    case Permission::ConfigureStation:
        return role >= Role::Supervisor;
    case Permission::ManageUsers:
        return role == Role::Admin;
    }
    return false;
}

AuditEntry PermissionMatrix::refusal(const Actor &actor, Permission permission, const QString &object,
                                     const QString &attempted)
{
    return AuditEntry{QDateTime::currentMSecsSinceEpoch(),
                      actor.user,
                      roleName(actor.role),
                      object,
                      QString(),
                      attempted,
                      QStringLiteral("refused: role %1 lacks permission '%2'")
                          .arg(roleName(actor.role), permissionName(permission))};
}

QString PermissionMatrix::refusalText(const Actor &actor, Permission permission)
{
    return QCoreApplication::translate("PermissionMatrix", "%1 (%2) may not %3")
        .arg(actor.user, roleName(actor.role), permissionName(permission));
}
