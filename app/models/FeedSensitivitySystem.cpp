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
// of (df/dy) S on the states, which is left out, so it is block-diagonal with df/dy repeated
// (jacobianBlockSize). The state rows stay exact, so the states keep the stiff solver's full order; only the
// sensitivities (which do not enter the error norm) are integrated to lower order.
void FeedSensitivitySystem::jacobian(double, const Eigen::VectorXd &y, Eigen::MatrixXd &dfdy,
                                     Eigen::VectorXd &dfdt) const
{
    ProcessDerivatives d;
    processDerivatives(m_model, y.data(), m_rate, m_muMultiplier, nullptr, d);
    dfdy = d.dfdy;
    dfdt = Eigen::VectorXd::Zero(y.size());
}
