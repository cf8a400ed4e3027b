#pragma once
// The line that names a channel inside its plot panel: "<label>  <value> <unit>", the unit as people write
// it (DisplayUnit) and left out where it only repeats the label ("pH  7.02"). A value that is not Good is
// not shown as if it were: "Temperature  — uncertain", "— bad", "— no reading yet".
#include "ChannelInfo.h"
#include "Reading.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

class ChannelReadout
{
    Q_DECLARE_TR_FUNCTIONS(ChannelReadout)
public:
    struct Value
    {
        double value = 0.0;
        Quality quality = Quality::Good;
    };
    // The unit text of the channel's readout and value axis: empty when it would repeat the label.
    static QString unitText(const ChannelInfo &channel);
    // `latest` empty: the live channel has no reading yet, or (past run, live false) no value is shown.
    static QString line(const ChannelInfo &channel, const std::optional<Value> &latest, int decimals,
                        bool live);
};
