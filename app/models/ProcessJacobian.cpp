#include "ProcessJacobian.h"

#include <unsupported/Eigen/AutoDiff>

namespace {
constexpr int maxVariables = 8; // 5 states + feed + multiplier
using Derivative = Eigen::Matrix<double, Eigen::Dynamic, 1, 0, maxVariables, 1>;
using Dual = Eigen::AutoDiffScalar<Derivative>;
} // namespace

void processDerivatives(const ProcessModel &model, const double *y, double feed, double multiplier, double *f,
                        ProcessDerivatives &out)
{
    const int n = model.stateCount();
    const int variables = n + 2;
    Dual in[5], dy[5];
    for (int i = 0; i < n; ++i)
        in[i] = Dual(y[i], variables, i);
    const Dual feedDual(feed, variables, n);
    const Dual multiplierDual(multiplier, variables, n + 1);
    model.derivatives(in, feedDual, multiplierDual, dy);
    out.dfdy.resize(n, n);
    out.dfdFeed.resize(n);
    out.dfdMultiplier.resize(n);
    for (int i = 0; i < n; ++i) {
        if (f)
            f[i] = dy[i].value();
        // A derivative vector stays empty when the output does not depend on any variable.
        const Derivative &d = dy[i].derivatives();
        for (int j = 0; j < variables; ++j) {
            const double value = d.size() == variables ? d[j] : 0.0;
            if (j < n)
                out.dfdy(i, j) = value;
            else if (j == n)
                out.dfdFeed[i] = value;
            else
                out.dfdMultiplier[i] = value;
        }
    }
}

double oxygenUptakeWithGradient(const ProcessModel &model, const double *y, double multiplier,
                                Eigen::VectorXd &gradient)
{
    const int n = model.stateCount();
    Dual in[5];
    for (int i = 0; i < n; ++i)
        in[i] = Dual(y[i], n + 1, i);
    const Dual our = model.oxygenUptakeRate(in, Dual(multiplier, n + 1, n));
    gradient = Eigen::VectorXd::Zero(n + 1);
    if (our.derivatives().size() == n + 1)
        gradient = our.derivatives();
    return our.value();
}
