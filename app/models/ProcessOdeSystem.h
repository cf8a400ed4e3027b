#pragma once
// The process model with the parameter file's feed profile as an OdeSystem (what `model simulate`
// integrates). Stiff when oxygen is on: kLa puts an eigenvalue near -kLa next to growth rates of 0.01-1 per
// hour.
#include "FeedProfile.h"
#include "OdeSystem.h"
#include "ProcessModel.h"

class ProcessOdeSystem : public OdeSystem
{
public:
    // muMultiplier scales mu_max (the EKF's extra state; 1 for plain simulation).
    explicit ProcessOdeSystem(const ModelParameters &parameters, double muMultiplier = 1.0);

    int dimension() const override { return m_model.stateCount(); }
    void rhs(double t, const Eigen::VectorXd &y, Eigen::VectorXd &dydt) const override;
    void jacobian(double t, const Eigen::VectorXd &y, Eigen::MatrixXd &dfdy,
                  Eigen::VectorXd &dfdt) const override;
    std::vector<double> breakpoints() const override { return m_feed.breakpoints(); }
    void beginSegment(double tStart) const override { m_segmentStart = tStart; }
    bool isStiff() const override { return m_model.oxygenOn(); }

    double feedRate(double t, double volume) const { return m_feed.rate(t, volume, m_segmentStart); }
    const ProcessModel &model() const { return m_model; }

private:
    ProcessModel m_model;
    FeedProfile m_feed;
    double m_muMultiplier;
    mutable double m_segmentStart = 0.0; // set by the solver, read by the piecewise feed lookup
};
