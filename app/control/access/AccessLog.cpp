#include "AccessLog.h"

// Refusals and account changes at info level, store failures as warnings:
// QT_LOGGING_RULES="reactordesk.access.info=true" shows them all.
Q_LOGGING_CATEGORY(lcAccess, "reactordesk.access", QtWarningMsg)
