#include "OdeSolver.h"

#include "DormandPrinceSolver.h"
#include "RosenbrockSolver.h"

#include <algorithm>

const char *odeStatusName(OdeStatus status)
{
    switch (status) {
    case OdeStatus::Success:
        return "success";
    case OdeStatus::Cancelled:
        return "cancelled";
    case OdeStatus::TooManySteps:
        return "too many steps";
    case OdeStatus::StepSizeTooSmall:
        return "step size too small";
    case OdeStatus::NonFiniteState:
        return "state became non-finite";
    }
    return "unknown";
}

namespace {
OdeMethod resolveOdeMethod(const OdeSystem &system, const OdeOptions &options)
{
    if (options.method != OdeMethod::Automatic)
        return options.method;
    return system.isStiff() ? OdeMethod::Rosenbrock : OdeMethod::DormandPrince;
}
} // namespace

OdeSolution solveOde(const OdeSystem &system, double t0, const Eigen::VectorXd &y0, double tEnd,
                     const std::vector<double> &outputTimes, const OdeOptions &options)
{
    OdeSolution solution;
    const bool recordSteps = outputTimes.empty();
    auto output = outputTimes.cbegin();
    if (recordSteps || (output != outputTimes.cend() && *output <= t0)) {
        for (; output != outputTimes.cend() && *output <= t0; ++output) {
            solution.times.push_back(*output);
            solution.states.push_back(y0);
        }
        if (recordSteps) {
            solution.times.push_back(t0);
            solution.states.push_back(y0);
        }
    }

    std::vector<double> segmentEnds;
    for (double b : system.breakpoints()) {
        if (b > t0 && b < tEnd)
            segmentEnds.push_back(b);
    }
    std::sort(segmentEnds.begin(), segmentEnds.end());
    segmentEnds.push_back(tEnd);

    const auto integrate = resolveOdeMethod(system, options) == OdeMethod::Rosenbrock
                               ? &RosenbrockSolver::integrate
                               : &DormandPrinceSolver::integrate;
    Eigen::VectorXd y = y0;
    double t = t0;
    double h = 0.0;
    for (double segmentEnd : segmentEnds) {
        if (segmentEnd <= t)
            continue;
        auto outputEnd = output;
        while (outputEnd != outputTimes.cend() && *outputEnd <= segmentEnd)
            ++outputEnd;
        system.beginSegment(t);
        const OdeSegment segment{system, t, segmentEnd, output, outputEnd, recordSteps};
        solution.status = integrate(segment, y, h, options, solution);
        output = outputEnd;
        if (!solution.ok())
            break;
        t = segmentEnd;
    }
    solution.finalTime = solution.ok() ? tEnd : (solution.times.empty() ? t0 : solution.times.back());
    solution.finalState = y;
    return solution;
}
