#pragma once
// The optimiser's whole feed profile, converted to what the controller works in: wall-clock time (the
// simulator runs processHoursPerWallHour process hours per wall hour) and the pump's mL/h.
#include <QString>

#include <vector>

struct RecommendedFeed
{
    double snapshotWallSec = 0.0;         // UTC seconds when the snapshot it was computed from was taken
    double startWallSec = 0.0;            // UTC seconds of the profile's start (the model's "now")
    std::vector<double> offsetsWallHours; // each rate's start, wall hours after startWallSec, increasing
    std::vector<double> ratesMlPerH;
    QString text;  // the operator's card ("feed 23.6 mL/h for the next 2 h: ...")
    QString model; // the parameter file it came from
};
