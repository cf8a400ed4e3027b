#include "DormandPrinceSolver.h"

#include "OdeStepControl.h"

#include <cmath>

namespace {
// Butcher tableau (Dormand & Prince 1980), error weights e = b - b*, dense output coefficients d (Hairer).
constexpr double c2 = 0.2, c3 = 0.3, c4 = 0.8, c5 = 8.0 / 9.0;
constexpr double a21 = 0.2;
constexpr double a31 = 3.0 / 40.0, a32 = 9.0 / 40.0;
constexpr double a41 = 44.0 / 45.0, a42 = -56.0 / 15.0, a43 = 32.0 / 9.0;
constexpr double a51 = 19372.0 / 6561.0, a52 = -25360.0 / 2187.0, a53 = 64448.0 / 6561.0,
                 a54 = -212.0 / 729.0;
constexpr double a61 = 9017.0 / 3168.0, a62 = -355.0 / 33.0, a63 = 46732.0 / 5247.0, a64 = 49.0 / 176.0,
                 a65 = -5103.0 / 18656.0;
constexpr double a71 = 35.0 / 384.0, a73 = 500.0 / 1113.0, a74 = 125.0 / 192.0, a75 = -2187.0 / 6784.0,
                 a76 = 11.0 / 84.0;
constexpr double e1 = 71.0 / 57600.0, e3 = -71.0 / 16695.0, e4 = 71.0 / 1920.0, e5 = -17253.0 / 339200.0,
                 e6 = 22.0 / 525.0, e7 = -1.0 / 40.0;
constexpr double d1 = -12715105075.0 / 11282082432.0, d3 = 87487479700.0 / 32700410799.0,
                 d4 = -10690763975.0 / 1880347072.0, d5 = 701980252875.0 / 199316789632.0,
                 d6 = -1453857185.0 / 822651844.0, d7 = 69997945.0 / 29380423.0;

constexpr double safety = 0.9, minFactor = 0.2, maxFactor = 10.0;
constexpr double beta = 0.04; // PI control (Hairer's dopri5 default)
constexpr double alpha = 0.2 - 0.75 * beta;
} // namespace

OdeStatus DormandPrinceSolver::integrate(const OdeSegment &segment, Eigen::VectorXd &y, double &h,
                                         const OdeOptions &options, OdeSolution &solution)
{
    const OdeSystem &system = segment.system;
    const Eigen::Index n = y.size();
    Eigen::VectorXd k1(n), k2(n), k3(n), k4(n), k5(n), k6(n), k7(n), yStage(n), yNew(n), error(n);
    Eigen::VectorXd r1(n), r2(n), r3(n), r4(n), r5(n);
    OdeStatistics &stats = solution.statistics;
    auto rhs = [&](double t, const Eigen::VectorXd &state, Eigen::VectorXd &out) {
        system.rhs(t, state, out);
        ++stats.rhsEvaluations;
    };

    double t = segment.t0;
    const double tEnd = segment.t1;
    rhs(t, y, k1);
    if (h <= 0.0)
        h = OdeStepControl::initialStep(rhs, t, y, k1, tEnd - t, 5, options);
    auto nextOutput = segment.outputBegin;
    double previousError = 1e-4;
    bool rejected = false;
    long stepsHere = 0;

    while (t < tEnd) {
        if (options.cancel && options.cancel->load(std::memory_order_relaxed))
            return OdeStatus::Cancelled;
        if (++stepsHere > options.maxSteps)
            return OdeStatus::TooManySteps;
        h = std::min(h, options.maxStep);
        const double hProposed = h;
        bool last = false;
        if (t + h >= tEnd - 1e-12 * std::max(1.0, std::abs(tEnd))) {
            h = tEnd - t;
            last = true;
        }

        yStage = y + h * a21 * k1;
        rhs(t + c2 * h, yStage, k2);
        yStage = y + h * (a31 * k1 + a32 * k2);
        rhs(t + c3 * h, yStage, k3);
        yStage = y + h * (a41 * k1 + a42 * k2 + a43 * k3);
        rhs(t + c4 * h, yStage, k4);
        yStage = y + h * (a51 * k1 + a52 * k2 + a53 * k3 + a54 * k4);
        rhs(t + c5 * h, yStage, k5);
        yStage = y + h * (a61 * k1 + a62 * k2 + a63 * k3 + a64 * k4 + a65 * k5);
        const double tNew = last ? tEnd : t + h;
        rhs(tNew, yStage, k6);
        yNew = y + h * (a71 * k1 + a73 * k3 + a74 * k4 + a75 * k5 + a76 * k6);
        rhs(tNew, yNew, k7);
        error = h * (e1 * k1 + e3 * k3 + e4 * k4 + e5 * k5 + e6 * k6 + e7 * k7);
        const double err = OdeStepControl::errorNorm(error, y, yNew, options);

        if (!std::isfinite(err) || err > 1.0) {
            ++stats.rejectedSteps;
            rejected = true;
            h *= std::isfinite(err) ? std::max(minFactor, safety * std::pow(err, -alpha)) : minFactor;
            if (h < 1e-14 * std::max(1.0, std::abs(t)))
                return std::isfinite(err) ? OdeStatus::StepSizeTooSmall : OdeStatus::NonFiniteState;
            continue;
        }

        ++stats.acceptedSteps;
        if (segment.recordSteps) {
            solution.times.push_back(tNew);
            solution.states.push_back(yNew);
        } else if (nextOutput != segment.outputEnd && *nextOutput <= tNew) {
            // Continuous extension: y(t + s h) = r1 + s (r2 + (1-s) (r3 + s (r4 + (1-s) r5))).
            r1 = y;
            r2 = yNew - y;
            r3 = h * k1 - r2;
            r4 = r2 - h * k7 - r3;
            r5 = h * (d1 * k1 + d3 * k3 + d4 * k4 + d5 * k5 + d6 * k6 + d7 * k7);
            for (; nextOutput != segment.outputEnd && *nextOutput <= tNew; ++nextOutput) {
                const double s = (*nextOutput - t) / h;
                const double s1 = 1.0 - s;
                solution.times.push_back(*nextOutput);
                solution.states.push_back(r1 + s * (r2 + s1 * (r3 + s * (r4 + s1 * r5))));
            }
        }
        y = yNew;
        k1 = k7;
        t = tNew;

        double factor =
            err == 0.0 ? maxFactor : safety * std::pow(err, -alpha) * std::pow(previousError, beta);
        factor = std::clamp(factor, minFactor, maxFactor);
        if (rejected)
            factor = std::min(factor, 1.0);
        // A step shortened to hit the segment end says nothing about the next segment's step.
        h = last ? hProposed : h * factor;
        previousError = std::max(err, 1e-4);
        rejected = false;
    }
    return OdeStatus::Success;
}
