#include "FeedOptimizer.h"

#include "FeedShooting.h"

#include <QCoreApplication>

#include <Eigen/Cholesky>

#include <algorithm>
#include <cmath>

#include <limits>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("FeedOptimizer", text);
}

// The augmented Lagrangian (Powell-Hestenes-Rockafellar form for inequalities) at one point, in feeds scaled
// to [0, 1] so that the projected-gradient steps are well scaled whatever the pump's range.
struct LagrangianPoint
{
    Eigen::VectorXd v;
    double value = 0.0;
    Eigen::VectorXd gradient;
    FeedShooting::Evaluation evaluation;
    bool ok = false;
};

class AugmentedLagrangian
{
public:
    AugmentedLagrangian(const FeedShooting &shooting, double feedMin, double feedWidth)
        : m_shooting(shooting), m_feedMin(feedMin), m_width(feedWidth)
    {
    }

    Eigen::VectorXd lambda;
    double rho = 10.0;
    int evaluations = 0;

    Eigen::VectorXd feeds(const Eigen::VectorXd &v) const
    {
        return (m_feedMin + m_width * v.array()).matrix();
    }

    LagrangianPoint at(const Eigen::VectorXd &v)
    {
        LagrangianPoint p;
        p.v = v;
        p.evaluation = m_shooting.evaluate(feeds(v));
        ++evaluations;
        p.ok = p.evaluation.status == OdeStatus::Success;
        if (!p.ok) {
            p.value = std::numeric_limits<double>::infinity();
            return p;
        }
        const FeedShooting::Evaluation &e = p.evaluation;
        if (lambda.size() != e.constraints.size())
            lambda = Eigen::VectorXd::Zero(e.constraints.size());
        const Eigen::VectorXd shifted = (lambda + rho * e.constraints).cwiseMax(0.0);
        p.value = -e.objective + (shifted.squaredNorm() - lambda.squaredNorm()) / (2.0 * rho);
        p.gradient = m_width * (-e.objectiveGradient + e.constraintJacobian.transpose() * shifted);
        return p;
    }

    // rho J_A' J_A in scaled feeds, J_A the rows of the constraints whose multiplier estimate is positive.
    Eigen::MatrixXd penaltyCurvature(const LagrangianPoint &p) const
    {
        const FeedShooting::Evaluation &e = p.evaluation;
        Eigen::MatrixXd curvature = Eigen::MatrixXd::Zero(p.v.size(), p.v.size());
        for (Eigen::Index i = 0; i < e.constraints.size(); ++i) {
            if (lambda[i] + rho * e.constraints[i] > 0.0)
                curvature.noalias() += e.constraintJacobian.row(i).transpose() * e.constraintJacobian.row(i);
        }
        return rho * m_width * m_width * curvature;
    }

private:
    const FeedShooting &m_shooting;
    double m_feedMin;
    double m_width;
};

Eigen::VectorXd project(const Eigen::VectorXd &v)
{
    return v.cwiseMax(0.0).cwiseMin(1.0);
}

double projectedGradientNorm(const LagrangianPoint &p)
{
    return (project(p.v - p.gradient) - p.v).cwiseAbs().maxCoeff();
}

bool cancelled(const FeedOptimizer::Settings &settings)
{
    return settings.cancel && settings.cancel->load(std::memory_order_relaxed);
}

// Projected Newton (Bertsekas 1982) on the box. The Hessian model is B + rho J_A' J_A: the penalty's
// curvature is known exactly from the constraint sensitivities (it is what makes the subproblem
// ill-conditioned), and B is a damped BFGS model of the rest, kept across outer iterations.
LagrangianPoint minimiseOnBox(AugmentedLagrangian &lagrangian, LagrangianPoint x, double tolerance,
                              const FeedOptimizer::Settings &settings, Eigen::MatrixXd &B, int &iterations)
{
    constexpr double sufficientDecrease = 1e-4;
    const Eigen::Index n = x.v.size();
    for (int it = 0; it < settings.maxInnerIterations && !cancelled(settings); ++it, ++iterations) {
        const double optimality = projectedGradientNorm(x);
        if (optimality < tolerance)
            break;
        const Eigen::MatrixXd penalty = lagrangian.penaltyCurvature(x);
        const Eigen::MatrixXd H = B + penalty;
        // Variables at a bound whose gradient pushes outwards stay there; Newton step on the others.
        const double epsilon = std::min(1e-3, optimality);
        std::vector<Eigen::Index> freeIndices;
        for (Eigen::Index i = 0; i < n; ++i) {
            const bool atLower = x.v[i] <= epsilon && x.gradient[i] > 0.0;
            const bool atUpper = x.v[i] >= 1.0 - epsilon && x.gradient[i] < 0.0;
            if (!atLower && !atUpper)
                freeIndices.push_back(i);
        }
        Eigen::VectorXd d = -x.gradient;
        if (!freeIndices.empty()) {
            const Eigen::Index m = Eigen::Index(freeIndices.size());
            Eigen::MatrixXd Hf(m, m);
            Eigen::VectorXd gf(m);
            for (Eigen::Index a = 0; a < m; ++a) {
                gf[a] = x.gradient[freeIndices[a]];
                for (Eigen::Index b = 0; b < m; ++b)
                    Hf(a, b) = H(freeIndices[a], freeIndices[b]);
            }
            const Eigen::LDLT<Eigen::MatrixXd> ldlt(Hf);
            const Eigen::VectorXd df = ldlt.solve(-gf);
            if (ldlt.info() == Eigen::Success && df.allFinite() && gf.dot(df) < 0.0) {
                for (Eigen::Index a = 0; a < m; ++a)
                    d[freeIndices[a]] = df[a];
            }
        }
        double step = 1.0;
        LagrangianPoint next;
        for (;;) {
            next = lagrangian.at(project(x.v + step * d));
            const double predicted = x.gradient.dot(next.v - x.v);
            if (next.ok && next.value <= x.value + sufficientDecrease * predicted)
                break;
            step *= 0.3;
            if (step < 1e-10)
                return x;
        }
        // Damped BFGS (Powell) on what the exact penalty curvature does not explain.
        const Eigen::VectorXd s = next.v - x.v;
        Eigen::VectorXd y = next.gradient - x.gradient - lagrangian.penaltyCurvature(next) * s;
        const Eigen::VectorXd Bs = B * s;
        const double sBs = s.dot(Bs);
        if (sBs > 1e-16) {
            double sy = s.dot(y);
            if (sy < 0.2 * sBs) {
                const double theta = 0.8 * sBs / (sBs - sy);
                y = theta * y + (1.0 - theta) * Bs;
                sy = s.dot(y);
            }
            B += y * y.transpose() / sy - Bs * Bs.transpose() / sBs;
        }
        x = std::move(next);
    }
    return x;
}
} // namespace

FeedOptimizationResult FeedOptimizer::optimize(const FeedOptimizationProblem &problem,
                                               const Settings &settings)
{
    FeedOptimizationResult result;
    if (problem.intervals < 1 || !(problem.tEnd > problem.tStart) || !(problem.feedMax > problem.feedMin) ||
        problem.feedMin < 0.0) {
        result.message =
            tr("invalid problem: need at least one interval, t_end > t_start and 0 <= u_min < u_max");
        return result;
    }
    if (!problem.initialGuess.empty() && int(problem.initialGuess.size()) != problem.intervals) {
        result.message = tr("initial guess has %1 values for %2 intervals")
                             .arg(problem.initialGuess.size())
                             .arg(problem.intervals);
        return result;
    }
    OdeOptions ode;
    ode.relativeTolerance = settings.relativeTolerance;
    ode.absoluteTolerance = settings.absoluteTolerance;
    ode.cancel = settings.cancel;
    const FeedShooting shooting(problem, ode);
    const int N = problem.intervals;
    const double width = problem.feedMax - problem.feedMin;
    AugmentedLagrangian lagrangian(shooting, problem.feedMin, width);

    Eigen::VectorXd v = Eigen::VectorXd::Constant(N, 0.1); // a gentle constant feed when no guess is given
    for (int k = 0; k < int(problem.initialGuess.size()); ++k)
        v[k] = (problem.initialGuess[std::size_t(k)] - problem.feedMin) / width;
    LagrangianPoint x = lagrangian.at(project(v));
    if (!x.ok) {
        result.message = tr("the model could not be integrated from the initial feed (%1)")
                             .arg(QString::fromLatin1(odeStatusName(x.evaluation.status)));
        return result;
    }

    Eigen::MatrixXd hessianModel = Eigen::MatrixXd::Identity(N, N);
    double previousInfeasibility = std::numeric_limits<double>::infinity();
    bool converged = false;
    for (int outer = 0; outer < settings.maxOuterIterations && !cancelled(settings); ++outer) {
        const double innerTolerance = std::max(settings.optimalityTolerance, std::pow(0.1, outer + 2));
        x = minimiseOnBox(lagrangian, std::move(x), innerTolerance, settings, hessianModel,
                          result.iterations);
        const Eigen::VectorXd &g = x.evaluation.constraints;
        const double infeasibility =
            g.size() == 0 ? 0.0 : g.cwiseMax(-lagrangian.lambda / lagrangian.rho).cwiseAbs().maxCoeff();
        const bool feasible = g.size() == 0 || g.maxCoeff() <= settings.feasibilityTolerance;
        if (feasible && infeasibility <= settings.feasibilityTolerance &&
            innerTolerance <= settings.optimalityTolerance) {
            converged = true;
            break;
        }
        if (g.size() > 0) {
            lagrangian.lambda = (lagrangian.lambda + lagrangian.rho * g).cwiseMax(0.0);
            if (infeasibility > 0.25 * previousInfeasibility)
                lagrangian.rho = std::min(1e8, lagrangian.rho * 10.0);
        }
        previousInfeasibility = infeasibility;
        x = lagrangian.at(x.v); // the Lagrangian changed with lambda and rho
    }

    const Eigen::VectorXd feeds = lagrangian.feeds(x.v);
    result.horizonEnd = problem.tEnd;
    for (int k = 0; k < N; ++k) {
        result.intervalStarts.push_back(shooting.intervalStart(k));
        result.feedRates.push_back(feeds[k]);
    }
    result.objective = x.evaluation.objective;
    result.maxViolation = x.evaluation.maxViolation;
    result.evaluations = lagrangian.evaluations;
    if (cancelled(settings)) {
        result.message = tr("cancelled");
    } else if (!converged) {
        result.ok = result.maxViolation <= settings.feasibilityTolerance * 10;
        result.message = tr("stopped after %1 outer iterations without meeting the tolerances")
                             .arg(settings.maxOuterIterations);
    } else {
        result.ok = true;
    }
    return result;
}
