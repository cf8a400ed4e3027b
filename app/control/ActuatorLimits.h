#pragma once
// The hard limits of one actuator, from the station. Enforced by FeedController, whoever asks.
#include <QString>

struct ActuatorLimits
{
    double minimum = 0.0;
    double maximum = 0.0;
    double safeValue = 0.0; // what the actuator is set to when its link is lost, on a trip or on stop-all
    QString unit;
    double maxChangePerSecond = 0.0; // largest change of the commanded value per second; 0 = no rate limit

    bool isValid() const
    {
        return minimum <= maximum && safeValue >= minimum && safeValue <= maximum && maxChangePerSecond >= 0;
    }
};
