#pragma once
// The running control mode in a sentence an operator reads ("PID: holds Glucose at 2 g/L."), for the status
// line of ControlModePanel. ControlMode::describe() stays the audit trail's wording, with channel ids and
// parameter names.
#include "ChannelInfo.h"

#include <QHash>

class ControlMode;

// channels: the station's, by id, so a PID loop names its channel by label and unit.
QString modeStatusText(const ControlMode &mode, const QHash<QString, ChannelInfo> &channels);
