#pragma once
// How the control layer's identifiers and messages read to an operator: actuator ids as names ("feed_pump"
// -> "Feed pump"), channels by label and unit ("Glucose [g/L]"), and its refusal texts, which start with an
// id in lower case for the audit trail ("feed_pump: 250 mL/h is outside ..."), as sentences naming the
// actuator.
#include "ChannelInfo.h"

#include <QStringList>

QString actuatorTitle(const QString &actuatorId);
// The label and unit; the id when the channel has no label; no brackets without a unit or when the unit is
// the label (pH).
QString channelTitle(const ChannelInfo &channel);
// Upper-case first letter and a closing full stop (unless it ends in . ! or ?); empty stays empty.
QString asSentence(const QString &text);
// The message with each of the actuator ids replaced by its title, as a sentence.
QString operatorMessage(const QString &message, const QStringList &actuatorIds);
