#pragma once
// What a solve returns: the samples (at the requested times, or every accepted step) and how it went.
#include <Eigen/Core>

#include <vector>

enum class OdeStatus
{
    Success,
    Cancelled,
    TooManySteps,
    StepSizeTooSmall,
    NonFiniteState
};

struct OdeStatistics
{
    long acceptedSteps = 0;
    long rejectedSteps = 0;
    long rhsEvaluations = 0;
    long jacobianEvaluations = 0;
    long luDecompositions = 0;
};

struct OdeSolution
{
    OdeStatus status = OdeStatus::Success;
    std::vector<double> times;
    std::vector<Eigen::VectorXd> states;
    Eigen::VectorXd finalState;
    double finalTime = 0.0;
    OdeStatistics statistics;

    bool ok() const { return status == OdeStatus::Success; }
};

const char *odeStatusName(OdeStatus status);
