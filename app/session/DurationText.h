#pragma once
// A wall-clock duration as an operator reads it: seconds for the simulator's fast plans (a 2-process-hour
// step lasts 4 s at --speed 1800), minutes below two hours, hours above ("4 s", "15 min", "2.5 h").
#include <QString>

QString durationText(double hours);
