#pragma once
// Single shooting for the feed optimiser: one integration of the states and their feed sensitivities over the
// horizon gives the objective, the path constraints at every interval end, and their exact gradients.
#include "FeedOptimization.h"
#include "OdeOptions.h"
#include "OdeSolution.h"
#include "ProcessModel.h"

class FeedShooting
{
public:
    struct Evaluation
    {
        OdeStatus status = OdeStatus::Success;
        double objective = 0.0;             // to be maximised
        Eigen::VectorXd objectiveGradient;  // d objective / d feed
        Eigen::VectorXd constraints;        // normalised, feasible when <= 0
        Eigen::MatrixXd constraintJacobian; // rows: constraints, columns: feeds
        double maxViolation = 0.0;          // in the constrained quantity's own unit
    };

    FeedShooting(const FeedOptimizationProblem &problem, const OdeOptions &options);

    double intervalStart(int k) const;
    Evaluation evaluate(const Eigen::VectorXd &feeds) const;

private:
    FeedOptimizationProblem m_problem;
    ProcessModel m_model;
    OdeOptions m_options;
    Eigen::VectorXd m_start;
};
