#pragma once
// The logging category of users and roles. Never given a password or a hash.
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcAccess)
