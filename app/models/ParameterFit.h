#pragma once
// Fits chosen model parameters to a recorded run by Levenberg-Marquardt (Eigen's unsupported module) on the
// residuals (measured - simulated) / sd, with standard errors from the Jacobian at the optimum:
// cov = s^2 (J'J)^-1, s^2 = RSS / (m - k). Parameters are fitted in log space, so they stay positive; the
// standard errors are mapped back with the delta method. The Jacobian is a central difference of the
// simulation integrated at tight tolerance (the parameters are plain doubles in the model, not AD variables).
#include "MeasurementTable.h"
#include "ModelParameters.h"

#include <QString>
#include <QStringList>

#include <Eigen/Core>

#include <atomic>

struct ParameterFitResult
{
    QString error; // empty on success
    QStringList names;
    Eigen::VectorXd values;
    Eigen::VectorXd standardErrors;
    Eigen::MatrixXd covariance;
    ModelParameters fitted; // the input parameters with the fitted values written in
    double residualSumOfSquares = 0.0;
    int residualCount = 0;
    int iterations = 0;
    bool ok() const { return error.isEmpty(); }
};

// names: any of mu_max, Ks, Ki, Ko, kd, Yxs, ms, alpha, beta, Yps, Yxo, mo, kLa, X0, S0 (X0/S0: initial X,
// S). Every measured column needs a measurement_noise entry.
ParameterFitResult fitParameters(const ModelParameters &parameters, const MeasurementTable &measurements,
                                 const QStringList &names, const std::atomic_bool *cancel = nullptr);
