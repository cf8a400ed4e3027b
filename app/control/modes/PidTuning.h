#pragma once
// The settings of one PID loop, saved per station (JSON). Gains are per second: output units per unit of
// error (kp), per unit of error and second (ki), per unit of error change per second (kd).
#include <QJsonObject>
#include <QString>

struct PidTuning
{
    double kp = 1.0;
    double ki = 0.0;
    double kd = 0.0;
    double derivativeFilterSeconds = 5.0; // first-order filter on the measured slope
    double outputMinimum = 0.0;
    double outputMaximum = 100.0;
    double maxOutputChangePerSecond = 0.0; // 0 = no rate limit in the loop (FeedController still limits)
    bool reverseActing = false;            // true: output up lowers the measurement (e.g. a cooling valve)

    QJsonObject toJson() const;
    // Missing keys keep their defaults; a present key of the wrong type is an error naming the key.
    static PidTuning fromJson(const QJsonObject &json, QString *error);
};
