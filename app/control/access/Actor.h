#pragma once
// Who is acting: the signed-in user and their role. Passed with every command so that permissions are checked
// where the command is carried out, not in the UI. Nobody signed in is a Viewer.
#include "Role.h"

struct Actor
{
    QString user = QStringLiteral("nobody");
    Role role = Role::Viewer;

    // Automatic safety actions (interlocks, watchdogs) act as the system itself.
    static Actor system() { return {QStringLiteral("system"), Role::Admin}; }
};
