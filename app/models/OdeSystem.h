#pragma once
// A first-order system y' = f(t, y) as the solvers see it. Stiff solvers also need the Jacobian df/dy and the
// time derivative df/dt; implementations give them exactly (analytically or by automatic differentiation).
#include <Eigen/Core>

#include <vector>

class OdeSystem
{
public:
    virtual ~OdeSystem() = default;

    virtual int dimension() const = 0;
    virtual void rhs(double t, const Eigen::VectorXd &y, Eigen::VectorXd &dydt) const = 0;
    virtual void jacobian(double t, const Eigen::VectorXd &y, Eigen::MatrixXd &dfdy,
                          Eigen::VectorXd &dfdt) const = 0;

    // Times where f jumps (feed changes); the solver ends a segment there and restarts on the other side.
    virtual std::vector<double> breakpoints() const { return {}; }
    // When > 0, df/dy is block-diagonal with one block of this size repeated along the diagonal, and
    // jacobian() returns only that block (dfdt stays full length): the stiff solver then factorises the block
    // alone.
    virtual int jacobianBlockSize() const { return 0; }
    // Stiff systems are integrated with the Rosenbrock solver when the method is Automatic.
    virtual bool isStiff() const { return false; }
    // Called by the solver before integrating the segment that starts at tStart (see FeedProfile::rate).
    virtual void beginSegment(double tStart) const { (void)tStart; }
};
