#include "StateEstimation.h"

#include <QCoreApplication>

EstimationRun runEstimation(const ModelParameters &parameters, const MeasurementTable &measurements,
                            const EkfSettings &settings, const std::atomic_bool *cancel)
{
    EstimationRun run;
    for (int q = 0; q < measuredQuantityCount; ++q) {
        const QString name = measuredQuantityName(MeasuredQuantity(q));
        if (measurements.columnPresent[std::size_t(q)] && !parameters.measurementNoise.count(name)) {
            run.error = QCoreApplication::translate(
                            "StateEstimation", "column %1 is measured but measurement_noise.%1 is not set")
                            .arg(name);
            return run;
        }
        if (measurements.columnPresent[std::size_t(q)] && MeasuredQuantity(q) == MeasuredQuantity::C &&
            !parameters.oxygen) {
            run.error =
                QCoreApplication::translate("StateEstimation", "column C is measured but oxygen is off");
            return run;
        }
    }
    EkfSettings filterSettings = settings;
    filterSettings.ode.cancel = cancel;
    ExtendedKalmanFilter filter(parameters, filterSettings);
    const double t0 = measurements.rows.empty() ? 0.0 : std::min(0.0, measurements.rows.front().tHours);
    filter.reset(t0);
    const int n = filter.modelStateCount();
    for (const MeasurementRow &row : measurements.rows) {
        if (!filter.predict(row.tHours)) {
            run.error = cancel && cancel->load()
                            ? QCoreApplication::translate("StateEstimation", "cancelled")
                            : QCoreApplication::translate("StateEstimation",
                                                          "the model could not be integrated to t = %1 h")
                                  .arg(row.tHours);
            return run;
        }
        EstimatePoint point;
        point.tHours = row.tHours;
        point.measurementsUsed = filter.update(row);
        point.state = filter.state();
        point.sd = filter.standardDeviations();
        point.state[n] *= parameters.kinetics.muMax;
        point.sd[n] *= parameters.kinetics.muMax;
        run.points.push_back(std::move(point));
    }
    run.filter = filter;
    return run;
}
