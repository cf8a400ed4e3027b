#include "ProcessSimulation.h"

#include "FeedProfile.h"
#include "OdeSolver.h"
#include "ProcessOdeSystem.h"

ProcessTrajectory simulateProcess(const ModelParameters &parameters, double tEnd,
                                  const std::vector<double> &times, const OdeOptions &options)
{
    const ProcessOdeSystem system(parameters);
    ProcessTrajectory trajectory;
    trajectory.solution = solveOde(system, 0.0, system.model().initialState(), tEnd, times, options);
    const FeedProfile feed(parameters.feed);
    const auto &solution = trajectory.solution;
    trajectory.feedRates.reserve(solution.times.size());
    for (std::size_t i = 0; i < solution.times.size(); ++i) {
        const double t = solution.times[i];
        trajectory.feedRates.push_back(feed.rate(t, solution.states[i][StateV], t));
    }
    return trajectory;
}
