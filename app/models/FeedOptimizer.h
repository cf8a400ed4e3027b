#pragma once
// Piecewise-constant feed that maximises product (or biomass) at the end of the horizon, by single shooting
// with exact forward sensitivities. Path constraints (X <= X_max, C >= C_min, V <= V_max) are imposed at
// evenly spaced points through an augmented Lagrangian; each bound-constrained subproblem is solved by a
// projected Newton method whose Hessian model is the penalty's exact Gauss-Newton curvature plus a damped
// BFGS part.
#include "FeedOptimization.h"
#include "OdeOptions.h"

#include <atomic>

class FeedOptimizer
{
public:
    struct Settings
    {
        double relativeTolerance = 1e-8; // of the state integration
        double absoluteTolerance = 1e-10;
        double optimalityTolerance = 1e-6;  // projected-gradient norm on feeds scaled to [0, 1]
        double feasibilityTolerance = 1e-6; // relative to each bound
        int maxOuterIterations = 30;
        int maxInnerIterations = 500;
        const std::atomic_bool *cancel = nullptr;
    };

    static FeedOptimizationResult optimize(const FeedOptimizationProblem &problem, const Settings &settings);
    static FeedOptimizationResult optimize(const FeedOptimizationProblem &problem)
    {
        return optimize(problem, {});
    }
};
