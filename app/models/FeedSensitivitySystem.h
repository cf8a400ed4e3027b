#pragma once
// The process model under a piecewise-constant feed, integrated together with its forward sensitivities
// S = dy/du (one column per feed interval so far): S' = (df/dy) S + (df/dF) e_k on interval k. The Jacobians
// come from automatic differentiation, so the gradients are exact up to the integration tolerance (no finite
// differences).
#include "OdeSystem.h"
#include "ProcessModel.h"

class FeedSensitivitySystem : public OdeSystem
{
public:
    FeedSensitivitySystem(const ProcessModel &model, double muMultiplier);

    // Integrating interval `interval` with feed `rate`; columns 0..interval of S are carried.
    void setInterval(int interval, double rate)
    {
        m_interval = interval;
        m_rate = rate;
    }
    int columns() const { return m_interval + 1; }

    int dimension() const override { return m_model.stateCount() * (1 + columns()); }
    void rhs(double t, const Eigen::VectorXd &y, Eigen::VectorXd &dydt) const override;
    void jacobian(double t, const Eigen::VectorXd &y, Eigen::MatrixXd &dfdy,
                  Eigen::VectorXd &dfdt) const override;
    bool isStiff() const override { return m_model.oxygenOn(); }
    int jacobianBlockSize() const override { return m_model.stateCount(); }

private:
    const ProcessModel &m_model;
    double m_muMultiplier;
    int m_interval = 0;
    double m_rate = 0.0;
};
