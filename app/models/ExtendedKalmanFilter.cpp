#include "ExtendedKalmanFilter.h"

#include "OdeSolver.h"
#include "ProcessJacobian.h"

#include <unsupported/Eigen/MatrixFunctions>

#include <Eigen/LU>

#include <algorithm>

ExtendedKalmanFilter::ExtendedKalmanFilter(const ModelParameters &parameters, const EkfSettings &settings)
    : m_model(parameters), m_feed(parameters.feed), m_settings(settings)
{
    reset(0.0);
}

void ExtendedKalmanFilter::reset(double tHours)
{
    const int n = m_model.stateCount();
    Eigen::VectorXd x(n + 1);
    x.head(n) = m_model.initialState();
    x[n] = 1.0;
    Eigen::VectorXd sd(n + 1);
    for (int i = 0; i < n; ++i)
        sd[i] = std::max(m_settings.initialRelativeSd * std::abs(x[i]), i == StateC ? 1e-5 : 1e-3);
    sd[n] = m_settings.initialMultiplierSd;
    reset(tHours, x, sd.cwiseAbs2().asDiagonal());
}

void ExtendedKalmanFilter::reset(double tHours, const Eigen::VectorXd &state,
                                 const Eigen::MatrixXd &covariance)
{
    m_t = tHours;
    m_x = state;
    m_P = covariance;
}

Eigen::MatrixXd ExtendedKalmanFilter::augmentedJacobian(double t, const Eigen::VectorXd &x) const
{
    const int n = m_model.stateCount();
    const FeedSettings &feed = m_model.parameters().feed;
    ProcessDerivatives d;
    processDerivatives(m_model, x.data(), m_feed.rate(t, x[StateV], t), x[n], nullptr, d);
    Eigen::MatrixXd F = Eigen::MatrixXd::Zero(n + 1, n + 1);
    F.topLeftCorner(n, n) = d.dfdy;
    if (feed.type == FeedProfileType::Chemostat)
        F.block(0, StateV, n, 1) += d.dfdFeed * feed.D;
    F.block(0, n, n, 1) = d.dfdMultiplier;
    return F;
}

Eigen::MatrixXd ExtendedKalmanFilter::processNoise(const Eigen::VectorXd &x) const
{
    const int n = m_model.stateCount();
    Eigen::VectorXd q(n + 1);
    for (int i = 0; i < n; ++i) {
        const double scale = std::max(std::abs(x[i]), i == StateC ? 1e-5 : 1e-3);
        const double relative = i == StateV ? m_settings.volumeNoiseRelative : m_settings.processNoiseRelative;
        q[i] = std::pow(relative * scale, 2);
    }
    q[n] = std::pow(m_settings.multiplierNoise, 2);
    return q.asDiagonal();
}

bool ExtendedKalmanFilter::predict(double tHours)
{
    const int n = m_model.stateCount();
    double t = m_t;
    Eigen::VectorXd x = m_x;
    Eigen::MatrixXd P = m_P;
    while (t < tHours) {
        const double h = std::min(m_settings.maxSubstepHours, tHours - t);
        // Linearise at the substep's start, before the mean moves on.
        const Eigen::MatrixXd Phi = (augmentedJacobian(t, x) * h).exp();
        const Eigen::MatrixXd Q = processNoise(x) * h;
        const ProcessOdeSystem system(m_model.parameters(), x[n]);
        const OdeSolution solution = solveOde(system, t, x.head(n), t + h, {t + h}, m_settings.ode);
        if (!solution.ok() || !solution.finalState.allFinite())
            return false;
        x.head(n) = solution.finalState;
        P = Phi * P * Phi.transpose() + Q;
        P = 0.5 * (P + P.transpose());
        t += h;
    }
    m_x = x;
    m_P = P;
    m_t = std::max(m_t, tHours);
    return true;
}

int ExtendedKalmanFilter::update(const MeasurementRow &row)
{
    const int n = m_model.stateCount();
    const auto &noise = m_model.parameters().measurementNoise;
    std::vector<double> innovations, variances;
    std::vector<Eigen::RowVectorXd> rows;
    for (int q = 0; q < measuredQuantityCount; ++q) {
        const auto quantity = MeasuredQuantity(q);
        if (!row.has(quantity))
            continue;
        const auto sd = noise.find(measuredQuantityName(quantity));
        if (sd == noise.end())
            continue;
        Eigen::RowVectorXd H = Eigen::RowVectorXd::Zero(n + 1);
        double predicted = 0.0;
        if (quantity == MeasuredQuantity::OUR) {
            Eigen::VectorXd gradient;
            predicted = oxygenUptakeWithGradient(m_model, m_x.data(), m_x[n], gradient);
            H = gradient.transpose();
        } else {
            const int index = quantity == MeasuredQuantity::C ? int(StateC) : q; // X, S, P, V share indices
            if (index >= n)
                continue; // C measured but the model has no oxygen balance
            H[index] = 1.0;
            predicted = m_x[index];
        }
        innovations.push_back(row.value(quantity) - predicted);
        variances.push_back(sd->second * sd->second);
        rows.push_back(H);
    }
    const int m = int(rows.size());
    if (m == 0)
        return 0;
    Eigen::MatrixXd H(m, n + 1);
    Eigen::VectorXd innovation(m);
    Eigen::MatrixXd R = Eigen::MatrixXd::Zero(m, m);
    for (int i = 0; i < m; ++i) {
        H.row(i) = rows[std::size_t(i)];
        innovation[i] = innovations[std::size_t(i)];
        R(i, i) = variances[std::size_t(i)];
    }
    const Eigen::MatrixXd S = H * m_P * H.transpose() + R;
    const Eigen::MatrixXd K = m_P * H.transpose() * S.inverse();
    m_x += K * innovation;
    const Eigen::MatrixXd IKH = Eigen::MatrixXd::Identity(n + 1, n + 1) - K * H;
    m_P = IKH * m_P * IKH.transpose() + K * R * K.transpose(); // Joseph form
    m_P = 0.5 * (m_P + m_P.transpose());
    return m;
}
