#pragma once
// Exact first derivatives of the process model's right-hand side by forward-mode automatic differentiation
// (Eigen::AutoDiffScalar with a stack-allocated derivative vector: no heap traffic in the solver's inner
// loop).
#include "ProcessModel.h"

#include <Eigen/Core>

struct ProcessDerivatives
{
    Eigen::MatrixXd dfdy; // n x n
    Eigen::VectorXd dfdFeed;
    Eigen::VectorXd dfdMultiplier; // with respect to the mu_max multiplier
};

// y has model.stateCount() entries; feed is F (L/h) held fixed; multiplier scales mu_max.
void processDerivatives(const ProcessModel &model, const double *y, double feed, double multiplier, double *f,
                        ProcessDerivatives &out);

// OUR = qO X and its gradient with respect to the states (first n entries) and the multiplier (last entry).
double oxygenUptakeWithGradient(const ProcessModel &model, const double *y, double multiplier,
                                Eigen::VectorXd &gradient);
