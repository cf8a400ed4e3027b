#pragma once
// Continuous-discrete extended Kalman filter: the soft sensor. The state is the model's (X, S, P, V[, C])
// plus a multiplier on mu_max, which lets the filter track a culture that grows faster or slower than the
// parameter file says. Between measurements the mean follows the model ODE (stiff solver when oxygen is on)
// and the covariance follows the linearised dynamics over short substeps (Phi = exp(F h), P <- Phi P Phi' + Q
// h). Measurements of any subset of X, S, P, V, C and OUR update it with the Joseph form, which keeps P
// symmetric positive definite.
#include "MeasurementTable.h"
#include "ModelParameters.h"
#include "OdeOptions.h"
#include "ProcessOdeSystem.h"

#include <Eigen/Core>

struct EkfSettings
{
    double processNoiseRelative = 0.02; // state noise sd per sqrt(h), relative to the state's magnitude
    // The volume follows the pumps' known flows; what is random about it (pump accuracy, evaporation, samples)
    // is a tenth of what is random about growth. With 0.02 the 6 h volume forecast of the demo spread +-10 %.
    double volumeNoiseRelative = 0.002;
    double multiplierNoise = 0.02;      // random walk of the mu_max multiplier, sd per sqrt(h)
    double initialRelativeSd = 0.3;     // initial state sd relative to the starting estimate
    double initialMultiplierSd = 0.3;
    double maxSubstepHours = 0.25; // covariance propagation substep
    OdeOptions ode;
};

class ExtendedKalmanFilter
{
public:
    ExtendedKalmanFilter(const ModelParameters &parameters, const EkfSettings &settings);

    // Starts from the parameter file's initial state, multiplier 1 and the settings' initial spread.
    void reset(double tHours);
    void reset(double tHours, const Eigen::VectorXd &state, const Eigen::MatrixXd &covariance);

    // Propagates to tHours (>= time()); false when the solver failed or was cancelled (the filter is
    // unchanged).
    bool predict(double tHours);
    // Uses every quantity the row has and the parameter file gives a noise for; returns how many were used.
    int update(const MeasurementRow &row);

    double time() const { return m_t; }
    int modelStateCount() const { return m_model.stateCount(); }
    const Eigen::VectorXd &state() const { return m_x; } // model states, then the multiplier
    const Eigen::MatrixXd &covariance() const { return m_P; }
    Eigen::VectorXd standardDeviations() const { return m_P.diagonal().cwiseMax(0.0).cwiseSqrt(); }
    const ProcessModel &model() const { return m_model; }
    const ModelParameters &parameters() const { return m_model.parameters(); }

private:
    Eigen::MatrixXd augmentedJacobian(double t, const Eigen::VectorXd &x) const;
    Eigen::MatrixXd processNoise(const Eigen::VectorXd &x) const;

    ProcessModel m_model;
    FeedProfile m_feed;
    EkfSettings m_settings;
    double m_t = 0.0;
    Eigen::VectorXd m_x;
    Eigen::MatrixXd m_P;
};
