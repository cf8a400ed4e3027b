#include "ParameterFit.h"

#include "ProcessModel.h"
#include "ProcessSimulation.h"

#include <QCoreApplication>

#include <unsupported/Eigen/LevenbergMarquardt>

#include <Eigen/LU>

#include <cmath>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ParameterFit", text);
}

// Where each fittable name lives in ModelParameters (nullptr when that term is absent from the file).
double *parameterSlot(ModelParameters &p, const QString &name)
{
    Kinetics &k = p.kinetics;
    auto optionalSlot = [](std::optional<double> &value) { return value ? &*value : nullptr; };
    if (name == QLatin1String("mu_max"))
        return &k.muMax;
    if (name == QLatin1String("Ks"))
        return &k.Ks;
    if (name == QLatin1String("Ki"))
        return optionalSlot(k.Ki);
    if (name == QLatin1String("Ko"))
        return optionalSlot(k.Ko);
    if (name == QLatin1String("kd"))
        return &k.kd;
    if (name == QLatin1String("Yxs"))
        return &k.Yxs;
    if (name == QLatin1String("ms"))
        return &k.ms;
    if (name == QLatin1String("alpha"))
        return &k.alpha;
    if (name == QLatin1String("beta"))
        return &k.beta;
    if (name == QLatin1String("Yps"))
        return optionalSlot(k.Yps);
    if (name == QLatin1String("Yxo"))
        return optionalSlot(k.Yxo);
    if (name == QLatin1String("mo"))
        return &k.mo;
    if (name == QLatin1String("kLa"))
        return p.oxygen ? &p.oxygen->kLa : nullptr;
    if (name == QLatin1String("X0"))
        return &p.initial.X;
    if (name == QLatin1String("S0"))
        return &p.initial.S;
    return nullptr;
}

struct Observation
{
    std::size_t row;
    int state; // index into the model state, or -1 for OUR
    double value;
    double sd;
};

class FitResiduals : public Eigen::DenseFunctor<double>
{
public:
    FitResiduals(const ModelParameters &base, const QStringList &names, std::vector<double> times,
                 std::vector<Observation> observations, const std::atomic_bool *cancel)
        : Eigen::DenseFunctor<double>(int(names.size()), int(observations.size())), m_base(base),
          m_names(names), m_times(std::move(times)), m_observations(std::move(observations)), m_cancel(cancel)
    {
    }

    ModelParameters withLogValues(const Eigen::VectorXd &logValues) const
    {
        ModelParameters p = m_base;
        for (int i = 0; i < m_names.size(); ++i)
            *parameterSlot(p, m_names.at(i)) = std::exp(logValues[i]);
        return p;
    }

    int operator()(const InputType &logValues, ValueType &residuals) const
    {
        if (m_cancel && m_cancel->load())
            return -1; // tells the minimiser to stop
        const ModelParameters p = withLogValues(logValues);
        OdeOptions options;
        options.relativeTolerance = 1e-10;
        options.absoluteTolerance = 1e-12;
        options.cancel = m_cancel;
        const ProcessTrajectory run = simulateProcess(p, m_times.back(), m_times, options);
        if (!run.solution.ok() || run.solution.states.size() != m_times.size())
            return -1;
        const ProcessModel model(p);
        residuals.resize(values());
        for (std::size_t i = 0; i < m_observations.size(); ++i) {
            const Observation &o = m_observations[i];
            const Eigen::VectorXd &y = run.solution.states[o.row];
            const double simulated = o.state >= 0 ? y[o.state] : model.oxygenUptakeRate(y.data(), 1.0);
            residuals[Eigen::Index(i)] = (o.value - simulated) / o.sd;
        }
        return 0;
    }

    int df(const InputType &logValues, JacobianType &jacobian) const
    {
        jacobian.resize(values(), inputs());
        ValueType up(values()), down(values());
        for (int j = 0; j < inputs(); ++j) {
            const double h = 1e-5;
            InputType shifted = logValues;
            shifted[j] += h;
            if ((*this)(shifted, up) != 0)
                return -1;
            shifted[j] -= 2 * h;
            if ((*this)(shifted, down) != 0)
                return -1;
            jacobian.col(j) = (up - down) / (2 * h);
        }
        return 0;
    }

private:
    ModelParameters m_base;
    QStringList m_names;
    std::vector<double> m_times;
    std::vector<Observation> m_observations;
    const std::atomic_bool *m_cancel;
};
} // namespace

ParameterFitResult fitParameters(const ModelParameters &parameters, const MeasurementTable &measurements,
                                 const QStringList &names, const std::atomic_bool *cancel)
{
    ParameterFitResult result;
    result.names = names;
    ModelParameters base = parameters;
    Eigen::VectorXd logValues(names.size());
    for (int i = 0; i < names.size(); ++i) {
        double *slot = parameterSlot(base, names.at(i));
        if (!slot) {
            result.error = tr("cannot fit \"%1\": unknown, or that term is absent from the parameter file")
                               .arg(names.at(i));
            return result;
        }
        if (!(*slot > 0.0)) {
            result.error = tr("cannot fit \"%1\": its starting value must be positive").arg(names.at(i));
            return result;
        }
        logValues[i] = std::log(*slot);
    }

    const ProcessModel model(parameters);
    std::vector<double> times;
    std::vector<Observation> observations;
    for (const MeasurementRow &row : measurements.rows) {
        if (row.tHours <= 0.0)
            continue;
        bool any = false;
        for (int q = 0; q < measuredQuantityCount; ++q) {
            const auto quantity = MeasuredQuantity(q);
            if (!row.has(quantity))
                continue;
            const QString name = measuredQuantityName(quantity);
            const auto sd = parameters.measurementNoise.find(name);
            if (sd == parameters.measurementNoise.end()) {
                result.error = tr("column %1 is measured but measurement_noise.%1 is not set").arg(name);
                return result;
            }
            int state =
                quantity == MeasuredQuantity::OUR ? -1 : (quantity == MeasuredQuantity::C ? int(StateC) : q);
            if (state >= model.stateCount())
                continue;
            if (!any && (times.empty() || times.back() < row.tHours))
                times.push_back(row.tHours);
            any = true;
            observations.push_back({times.size() - 1, state, row.value(quantity), sd->second});
        }
    }
    if (int(observations.size()) <= names.size()) {
        result.error = tr("%1 measured values cannot determine %2 parameters")
                           .arg(observations.size())
                           .arg(names.size());
        return result;
    }

    FitResiduals residuals(base, names, times, observations, cancel);
    Eigen::LevenbergMarquardt<FitResiduals> lm(residuals);
    lm.setMaxfev(200 * (names.size() + 1));
    const Eigen::LevenbergMarquardtSpace::Status status = lm.minimize(logValues);
    if (cancel && cancel->load()) {
        result.error = tr("cancelled");
        return result;
    }
    if (status == Eigen::LevenbergMarquardtSpace::ImproperInputParameters ||
        status == Eigen::LevenbergMarquardtSpace::UserAsked) {
        result.error = tr("the fit failed (the model could not be integrated for some trial parameters)");
        return result;
    }
    result.iterations = int(lm.iterations());

    Eigen::VectorXd r(observations.size());
    Eigen::MatrixXd J;
    if (residuals(logValues, r) != 0 || residuals.df(logValues, J) != 0) {
        result.error = tr("the model could not be integrated at the fitted parameters");
        return result;
    }
    result.residualCount = int(r.size());
    result.residualSumOfSquares = r.squaredNorm();
    const double s2 = result.residualSumOfSquares / double(r.size() - names.size());
    const Eigen::MatrixXd logCovariance = s2 * (J.transpose() * J).inverse();
    result.values = logValues.array().exp();
    // Delta method: d p / d log p = p.
    result.covariance = result.values.asDiagonal() * logCovariance * result.values.asDiagonal();
    result.standardErrors = result.covariance.diagonal().cwiseMax(0.0).cwiseSqrt();
    result.fitted = residuals.withLogValues(logValues);
    return result;
}
