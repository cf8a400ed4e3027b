#pragma once
// Pieces the adaptive solvers share: the weighted RMS error norm and the starting step size (Hairer, Norsett
// and Wanner, "Solving ODEs I", II.4).
#include "OdeOptions.h"

#include <Eigen/Core>

#include <algorithm>
#include <cmath>

namespace OdeStepControl {

inline double errorNorm(const Eigen::VectorXd &error, const Eigen::VectorXd &y0, const Eigen::VectorXd &y1,
                        const OdeOptions &options)
{
    const Eigen::Index n = options.errorComponents > 0
                               ? std::min<Eigen::Index>(options.errorComponents, error.size())
                               : error.size();
    double sum = 0.0;
    for (Eigen::Index i = 0; i < n; ++i) {
        const double scale = options.absoluteTolerance +
                             options.relativeTolerance * std::max(std::abs(y0[i]), std::abs(y1[i]));
        const double e = error[i] / scale;
        sum += e * e;
    }
    return std::sqrt(sum / static_cast<double>(n));
}

// order is the order of the error estimate's lower method plus one.
template <typename Rhs>
double initialStep(Rhs &&rhs, double t0, const Eigen::VectorXd &y0, const Eigen::VectorXd &f0, double span,
                   int order, const OdeOptions &options)
{
    if (options.initialStep > 0.0)
        return std::min(options.initialStep, span);
    const Eigen::VectorXd zero = Eigen::VectorXd::Zero(y0.size());
    const double d0 = errorNorm(y0, zero, y0, options);
    const double d1 = errorNorm(f0, zero, y0, options);
    double h0 = (d0 < 1e-5 || d1 < 1e-5) ? 1e-6 : 0.01 * d0 / d1;
    h0 = std::min(h0, span);
    const Eigen::VectorXd y1 = y0 + h0 * f0;
    Eigen::VectorXd f1(y0.size());
    rhs(t0 + h0, y1, f1);
    const double d2 = errorNorm(Eigen::VectorXd(f1 - f0), zero, y0, options) / h0;
    const double h1 = std::max(d1, d2) <= 1e-15 ? std::max(1e-6, h0 * 1e-3)
                                                : std::pow(0.01 / std::max(d1, d2), 1.0 / order);
    return std::min({100.0 * h0, h1, span, options.maxStep});
}

} // namespace OdeStepControl
