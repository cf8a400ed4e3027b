#include "FeedSensitivitySystem.h"

#include "ProcessJacobian.h"

FeedSensitivitySystem::FeedSensitivitySystem(const ProcessModel &model, double muMultiplier)
    : m_model(model), m_muMultiplier(muMultiplier)
{
}

void FeedSensitivitySystem::rhs(double, const Eigen::VectorXd &y, Eigen::VectorXd &dydt) const
{
    const int n = m_model.stateCount();
    const int m = columns();
    dydt.resize(y.size());
    ProcessDerivatives d;
    processDerivatives(m_model, y.data(), m_rate, m_muMultiplier, dydt.data(), d);
    const Eigen::Map<const Eigen::MatrixXd> S(y.data() + n, n, m);
    Eigen::Map<Eigen::MatrixXd> dS(dydt.data() + n, n, m);
    dS.noalias() = d.dfdy * S;
    dS.col(m_interval) += d.dfdFeed;
}

// The combined system's Jacobian is block lower-triangular: df/dy on the diagonal blocks plus the dependence
// of (df/dy) S on the states, which is left out. The state rows stay exact, so the states keep the stiff
// solver's full order; only the sensitivities (which do not enter the error norm) are integrated to lower
// order.
void FeedSensitivitySystem::jacobian(double, const Eigen::VectorXd &y, Eigen::MatrixXd &dfdy,
                                     Eigen::VectorXd &dfdt) const
{
    const int n = m_model.stateCount();
    const int m = columns();
    ProcessDerivatives d;
    processDerivatives(m_model, y.data(), m_rate, m_muMultiplier, nullptr, d);
    dfdy = Eigen::MatrixXd::Zero(n * (1 + m), n * (1 + m));
    for (int block = 0; block <= m; ++block)
        dfdy.block(block * n, block * n, n, n) = d.dfdy;
    dfdt = Eigen::VectorXd::Zero(n * (1 + m));
}
