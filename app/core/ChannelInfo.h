#pragma once
// Static description of a channel: what it measures, in which unit, and the range a plausible value lies in.
#include <QString>

struct ChannelInfo
{
    QString name;
    QString unit;
    QString label;
    double minimum = 0.0;
    double maximum = 0.0;
};
