#pragma once
// The four roles of ReactorDesk, from least to most privileged. Stored and logged by name.
#include <QString>

enum class Role
{
    Viewer = 0,
    Operator = 1,
    Supervisor = 2,
    Admin = 3
};

QString roleName(Role role);
// The role as shown to people (translated); roleName is the stored and logged identifier.
QString roleTitle(Role role);
// False (and *role untouched) when the name is not one of the four roles.
bool roleFromName(const QString &name, Role *role);
