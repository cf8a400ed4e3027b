#pragma once
// A hard safety condition from the station: once the channel's Good value has stayed outside [low, high] for
// delayMs (judged on the readings' source times; 0 = at the first such reading), the listed actuators are put
// in their safe state and held there (overflow: volume above its maximum; empty feed bottle: balance below
// its minimum; DO or pH outside a hard band). A trip latches until an operator resets it with the value back
// inside the band.
#include <QString>
#include <QStringList>

#include <limits>

struct Interlock
{
    QString name;
    QString channel;
    double low = -std::numeric_limits<double>::infinity();
    double high = std::numeric_limits<double>::infinity();
    QStringList actuators; // the ones sent to their safe state on a trip
    QString text;          // what the operator reads ("culture volume above the overflow limit")
    qint64 delayMs = 0;    // how long the value must stay outside before the trip (noise, a sloshing level)

    bool holds(double value) const { return value >= low && value <= high; }
};
