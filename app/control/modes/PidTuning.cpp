#include "PidTuning.h"

#include <QCoreApplication>

QJsonObject PidTuning::toJson() const
{
    return {{QStringLiteral("kp"), kp},
            {QStringLiteral("ki"), ki},
            {QStringLiteral("kd"), kd},
            {QStringLiteral("derivative_filter_s"), derivativeFilterSeconds},
            {QStringLiteral("output_min"), outputMinimum},
            {QStringLiteral("output_max"), outputMaximum},
            {QStringLiteral("max_output_change_per_s"), maxOutputChangePerSecond},
            {QStringLiteral("reverse_acting"), reverseActing}};
}

PidTuning PidTuning::fromJson(const QJsonObject &json, QString *error)
{
    PidTuning tuning;
    auto number = [&](const char *key, double *target) {
        const QJsonValue value = json.value(QLatin1String(key));
        if (value.isUndefined())
            return;
        if (!value.isDouble()) {
            if (error && error->isEmpty())
                *error = QCoreApplication::translate("PidTuning", "PID tuning: '%1' must be a number")
                             .arg(QLatin1String(key));
            return;
        }
        *target = value.toDouble();
    };
    number("kp", &tuning.kp);
    number("ki", &tuning.ki);
    number("kd", &tuning.kd);
    number("derivative_filter_s", &tuning.derivativeFilterSeconds);
    number("output_min", &tuning.outputMinimum);
    number("output_max", &tuning.outputMaximum);
    number("max_output_change_per_s", &tuning.maxOutputChangePerSecond);
    tuning.reverseActing = json.value(QStringLiteral("reverse_acting")).toBool(false);
    if (tuning.outputMinimum > tuning.outputMaximum && error && error->isEmpty())
        *error = QCoreApplication::translate("PidTuning", "PID tuning: output_min is above output_max");
    return tuning;
}
