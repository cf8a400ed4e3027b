#include "LookupLog.h"

// Warnings by default; QT_LOGGING_RULES="reactordesk.lookup.debug=true" shows every request, retry and cache
// fallback.
Q_LOGGING_CATEGORY(lcLookup, "reactordesk.lookup", QtWarningMsg)
