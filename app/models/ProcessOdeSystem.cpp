#include "ProcessOdeSystem.h"

#include "ProcessJacobian.h"

#include <cmath>

ProcessOdeSystem::ProcessOdeSystem(const ModelParameters &parameters, double muMultiplier)
    : m_model(parameters), m_feed(parameters.feed), m_muMultiplier(muMultiplier)
{
}

void ProcessOdeSystem::rhs(double t, const Eigen::VectorXd &y, Eigen::VectorXd &dydt) const
{
    dydt.resize(y.size());
    m_model.derivatives(y.data(), feedRate(t, y[StateV]), m_muMultiplier, dydt.data());
}

void ProcessOdeSystem::jacobian(double t, const Eigen::VectorXd &y, Eigen::MatrixXd &dfdy,
                                Eigen::VectorXd &dfdt) const
{
    ProcessDerivatives d;
    processDerivatives(m_model, y.data(), feedRate(t, y[StateV]), m_muMultiplier, nullptr, d);
    dfdy = d.dfdy;
    const FeedSettings &feed = m_model.parameters().feed;
    // The feed enters through F(t, V): chain rule for F = D V, and df/dt for the exponential profile.
    if (feed.type == FeedProfileType::Chemostat)
        dfdy.col(StateV) += d.dfdFeed * feed.D;
    const double dFdt =
        feed.type == FeedProfileType::Exponential ? feed.muSet * feed.F0 * std::exp(feed.muSet * t) : 0.0;
    dfdt = d.dfdFeed * dFdt;
}
