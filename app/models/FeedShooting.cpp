#include "FeedShooting.h"

#include "FeedSensitivitySystem.h"
#include "OdeSolver.h"

#include <algorithm>

FeedShooting::FeedShooting(const FeedOptimizationProblem &problem, const OdeOptions &options)
    : m_problem(problem), m_model(problem.parameters), m_options(options)
{
    m_start = problem.startState.size() == m_model.stateCount() ? problem.startState : m_model.initialState();
    m_options.errorComponents = m_model.stateCount();
}

double FeedShooting::intervalStart(int k) const
{
    return m_problem.tStart + (m_problem.tEnd - m_problem.tStart) * k / m_problem.intervals;
}

namespace {
// The oxygen the fed substrate needs, if all of it grows biomass at Yxs (quasi-steady state: the culture
// eats what it is fed), plus maintenance, must stay below what the vessel can transfer:
//   OUR_fed = Yxs S_in F_k / (Yxo V_k) + mo X_k <= OUR_max   at the start of interval k,
// where V is smallest (V only grows within an interval, so the start is where the cap is tightest).
// F_k is a decision variable; V_k and X_k depend on the earlier feeds through their sensitivities.
template <typename AddConstraint>
void oxygenCap(const OxygenTransferLimit &limit, const ProcessModel &model, int k,
               const Eigen::VectorXd &feeds, const Eigen::VectorXd &y, AddConstraint &&addConstraint)
{
    const int n = model.stateCount();
    const ModelParameters &p = model.parameters();
    const double ourMax = limit.maxUptakeRate();
    const double perFeed = p.kinetics.Yxs * p.feed.sIn / *p.kinetics.Yxo; // g O2 per L of feed
    const double V = y[StateV];
    const double X = y[StateX];
    const double demand = perFeed * feeds[k] / V + p.kinetics.mo * X;
    Eigen::RowVectorXd gradient = Eigen::RowVectorXd::Zero(feeds.size());
    for (int column = 0; column < k; ++column)
        gradient[column] = (-perFeed * feeds[k] / (V * V) * y[n * (1 + column) + StateV] +
                            p.kinetics.mo * y[n * (1 + column) + StateX]) /
                           ourMax;
    gradient[k] = perFeed / (V * ourMax);
    addConstraint(demand / ourMax - 1.0, gradient, demand - ourMax);
}
} // namespace

FeedShooting::Evaluation FeedShooting::evaluate(const Eigen::VectorXd &feeds) const
{
    const int n = m_model.stateCount();
    const int N = m_problem.intervals;
    const int points = std::max(1, m_problem.constraintPointsPerInterval);
    const int perInterval =
        points * (int(m_problem.xMax.has_value()) + int(m_problem.cMin.has_value() && m_model.oxygenOn()) +
                  int(m_problem.vMax.has_value()));
    const std::optional<OxygenTransferLimit> &oxygenLimit = m_model.parameters().oxygenLimit;
    const int total = (perInterval + int(oxygenLimit.has_value())) * N;
    Evaluation result;
    result.constraints.resize(total);
    result.constraintJacobian = Eigen::MatrixXd::Zero(total, N);

    FeedSensitivitySystem system(m_model, m_problem.muMultiplier);
    Eigen::VectorXd y = Eigen::VectorXd::Zero(n * (1 + N));
    y.head(n) = m_start;
    int row = 0;
    auto addConstraint = [&](double value, const Eigen::RowVectorXd &gradient, double violation) {
        result.constraints[row] = value;
        result.constraintJacobian.row(row) = gradient;
        result.maxViolation = std::max(result.maxViolation, violation);
        ++row;
    };
    for (int k = 0; k < N; ++k) {
        if (oxygenLimit)
            oxygenCap(*oxygenLimit, m_model, k, feeds, y, addConstraint);
        system.setInterval(k, feeds[k]);
        const int size = n * (k + 2);
        const double t0 = intervalStart(k);
        const double t1 = intervalStart(k + 1);
        std::vector<double> checkTimes;
        for (int j = 1; j < points; ++j)
            checkTimes.push_back(t0 + (t1 - t0) * j / points);
        checkTimes.push_back(t1);
        const OdeSolution solution = solveOde(system, t0, y.head(size), t1, checkTimes, m_options);
        if (!solution.ok()) {
            result.status = solution.status;
            return result;
        }
        for (const Eigen::VectorXd &sample : solution.states) {
            Eigen::RowVectorXd gradient = Eigen::RowVectorXd::Zero(N);
            auto sensitivity = [&](int state) {
                for (int column = 0; column <= k; ++column)
                    gradient[column] = sample[n * (1 + column) + state];
                return gradient;
            };
            if (m_problem.xMax) {
                const double bound = *m_problem.xMax;
                addConstraint(sample[StateX] / bound - 1.0, sensitivity(StateX) / bound,
                              sample[StateX] - bound);
            }
            if (m_problem.cMin && m_model.oxygenOn()) {
                const double bound = *m_problem.cMin;
                addConstraint(1.0 - sample[StateC] / bound, -sensitivity(StateC) / bound,
                              bound - sample[StateC]);
            }
            if (m_problem.vMax) {
                const double bound = *m_problem.vMax;
                addConstraint(sample[StateV] / bound - 1.0, sensitivity(StateV) / bound,
                              sample[StateV] - bound);
            }
        }
        y.head(size) = solution.finalState;
    }
    const int index = m_problem.objective == FeedObjective::Product ? StateP : StateX;
    const Eigen::Map<const Eigen::MatrixXd> S(y.data() + n, n, N);
    result.objective = y[index];
    result.objectiveGradient = S.row(index).transpose();
    return result;
}
