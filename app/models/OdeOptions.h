#pragma once
// Settings shared by the ODE solvers.
#include <atomic>
#include <limits>

enum class OdeMethod
{
    Automatic,     // Rosenbrock when the system declares itself stiff (oxygen on), Dormand-Prince otherwise
    DormandPrince, // explicit 5(4) with dense output
    Rosenbrock     // linearly implicit 4(3), Shampine's coefficients, for stiff systems
};

struct OdeOptions
{
    OdeMethod method = OdeMethod::Automatic;
    double relativeTolerance = 1e-3; // scipy's defaults, so benchmarks compare like with like
    double absoluteTolerance = 1e-6;
    double initialStep = 0.0; // 0: chosen automatically
    double maxStep = std::numeric_limits<double>::infinity();
    long maxSteps = 200000;
    // Only the first errorComponents states enter the error norm (0: all). Sensitivity systems use it so that
    // the step size is driven by the states, not by the sensitivities riding along.
    int errorComponents = 0;
    // Checked once per step; when set, the solve stops with OdeStatus::Cancelled.
    const std::atomic_bool *cancel = nullptr;
};
