#pragma once
// A linearly implicit Rosenbrock 4(3) method with Shampine's coefficients (A-stable, embedded 3rd-order error
// estimate). Each step costs one Jacobian, one LU factorisation (Eigen::PartialPivLU) and three right-hand
// sides, so stiff oxygen dynamics (kLa of hundreds per hour) take steps sized by accuracy, not stability.
// Steps are shortened to land on output times exactly.
#include "OdeSegment.h"

class RosenbrockSolver
{
public:
    static OdeStatus integrate(const OdeSegment &segment, Eigen::VectorXd &y, double &h,
                               const OdeOptions &options, OdeSolution &solution);
};
