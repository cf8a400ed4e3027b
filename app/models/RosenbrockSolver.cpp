#include "RosenbrockSolver.h"

#include "OdeStepControl.h"

#include <Eigen/LU>

#include <cmath>

namespace {
// Shampine, "Implementation of Rosenbrock methods", ACM TOMS 8 (1982), in the form where stage k_i solves
// (I/(gamma h) - J) k_i = f(t + a_i h, y + sum a_ij k_j) + sum c_ij k_j / h + h c_iX df/dt.
constexpr double gammaDiagonal = 0.5;
constexpr double a21 = 2.0, a31 = 48.0 / 25.0, a32 = 6.0 / 25.0;
constexpr double c21 = -8.0, c31 = 372.0 / 25.0, c32 = 12.0 / 5.0;
constexpr double c41 = -112.0 / 125.0, c42 = -54.0 / 125.0, c43 = -2.0 / 5.0;
constexpr double b1 = 19.0 / 9.0, b2 = 0.5, b3 = 25.0 / 108.0, b4 = 125.0 / 108.0;
constexpr double e1 = 17.0 / 54.0, e2 = 7.0 / 36.0, e3 = 0.0, e4 = 125.0 / 108.0;
constexpr double c1X = 0.5, c2X = -1.5, c3X = 121.0 / 50.0, c4X = 29.0 / 250.0;
constexpr double a2X = 1.0, a3X = 3.0 / 5.0;

constexpr double safety = 0.9, minFactor = 0.2, maxFactor = 6.0;
} // namespace

OdeStatus RosenbrockSolver::integrate(const OdeSegment &segment, Eigen::VectorXd &y, double &h,
                                      const OdeOptions &options, OdeSolution &solution)
{
    const OdeSystem &system = segment.system;
    const Eigen::Index n = y.size();
    const Eigen::Index block = system.jacobianBlockSize() > 0 ? system.jacobianBlockSize() : n;
    Eigen::VectorXd f0(n), f(n), dfdt(n), g1(n), g2(n), g3(n), g4(n), yStage(n), yNew(n), error(n);
    Eigen::MatrixXd J(block, block), A(block, block);
    Eigen::PartialPivLU<Eigen::MatrixXd> lu(block);
    // Solves (I/(gamma h) - J) x = b, block by block when the Jacobian is block-diagonal.
    auto solve = [&](const Eigen::VectorXd &b, Eigen::VectorXd &x) {
        for (Eigen::Index start = 0; start < n; start += block)
            x.segment(start, block) = lu.solve(b.segment(start, block));
    };
    OdeStatistics &stats = solution.statistics;
    auto rhs = [&](double t, const Eigen::VectorXd &state, Eigen::VectorXd &out) {
        system.rhs(t, state, out);
        ++stats.rhsEvaluations;
    };

    double t = segment.t0;
    const double tEnd = segment.t1;
    rhs(t, y, f0);
    if (h <= 0.0)
        h = OdeStepControl::initialStep(rhs, t, y, f0, tEnd - t, 4, options);
    auto nextOutput = segment.outputBegin;
    bool rejected = false;
    bool needJacobian = true;
    long stepsHere = 0;

    while (t < tEnd) {
        if (options.cancel && options.cancel->load(std::memory_order_relaxed))
            return OdeStatus::Cancelled;
        if (++stepsHere > options.maxSteps)
            return OdeStatus::TooManySteps;
        if (needJacobian) {
            system.jacobian(t, y, J, dfdt);
            ++stats.jacobianEvaluations;
            needJacobian = false;
        }
        h = std::min(h, options.maxStep);
        const double hProposed = h;
        double target = tEnd;
        if (nextOutput != segment.outputEnd)
            target = std::min(target, *nextOutput);
        bool clipped = false;
        if (t + h >= target - 1e-12 * std::max(1.0, std::abs(target))) {
            h = target - t;
            clipped = true;
        }

        A = -J;
        A.diagonal().array() += 1.0 / (gammaDiagonal * h);
        lu.compute(A);
        ++stats.luDecompositions;

        solve(f0 + h * c1X * dfdt, g1);
        yStage = y + a21 * g1;
        rhs(t + a2X * h, yStage, f);
        solve(f + h * c2X * dfdt + (c21 / h) * g1, g2);
        yStage = y + a31 * g1 + a32 * g2;
        rhs(t + a3X * h, yStage, f);
        solve(f + h * c3X * dfdt + (c31 * g1 + c32 * g2) / h, g3);
        solve(f + h * c4X * dfdt + (c41 * g1 + c42 * g2 + c43 * g3) / h, g4);
        yNew = y + b1 * g1 + b2 * g2 + b3 * g3 + b4 * g4;
        error = e1 * g1 + e2 * g2 + e3 * g3 + e4 * g4;
        const double err = OdeStepControl::errorNorm(error, y, yNew, options);

        if (!std::isfinite(err) || err > 1.0) {
            ++stats.rejectedSteps;
            rejected = true;
            h *= std::isfinite(err) ? std::max(minFactor, safety * std::pow(err, -1.0 / 3.0)) : minFactor;
            if (h < 1e-14 * std::max(1.0, std::abs(t)))
                return std::isfinite(err) ? OdeStatus::StepSizeTooSmall : OdeStatus::NonFiniteState;
            continue;
        }

        ++stats.acceptedSteps;
        const double tNew = clipped ? target : t + h;
        y = yNew;
        t = tNew;
        if (segment.recordSteps) {
            solution.times.push_back(t);
            solution.states.push_back(y);
        }
        for (; nextOutput != segment.outputEnd && *nextOutput <= t; ++nextOutput) {
            solution.times.push_back(*nextOutput);
            solution.states.push_back(y);
        }
        if (t < tEnd) {
            rhs(t, y, f0);
            needJacobian = true;
        }
        double factor = err == 0.0 ? maxFactor : safety * std::pow(err, -0.25);
        factor = std::clamp(factor, minFactor, maxFactor);
        if (rejected)
            factor = std::min(factor, 1.0);
        // After a step cut short for an output time, continue with the step the controller wanted before.
        h = clipped ? std::max(hProposed, h * factor) : h * factor;
        rejected = false;
    }
    return OdeStatus::Success;
}
