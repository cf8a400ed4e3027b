#pragma once
// Dormand-Prince 5(4) with FSAL, PI step-size control and Hairer's 4th-order dense output, so output times
// cost no extra steps.
#include "OdeSegment.h"

class DormandPrinceSolver
{
public:
    static OdeStatus integrate(const OdeSegment &segment, Eigen::VectorXd &y, double &h,
                               const OdeOptions &options, OdeSolution &solution);
};
