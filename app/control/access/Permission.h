#pragma once
// What an action needs. PermissionMatrix says which role holds which permission.
#include <QString>

enum class Permission
{
    ViewProcess,         // see values, alarms and the run
    OperateProcess,      // set rates, switch control modes, run profiles, confirm model advice, stop all
    AcknowledgeAlarms,   // acknowledge alarms
    ShelveAlarms,        // shelve an alarm for a while, with a reason
    ChangeAlarmSettings, // alarm limits, delays, deadbands, out of service
    ChangeLimits,        // actuator limits, interlocks, PID tuning
    ConfigureStation,    // add, edit, remove instruments of the station and save the station file
    ManageUsers,         // create users, change roles, unlock accounts
};

QString permissionName(Permission permission);
