#pragma once
// The unstructured bioreactor model: Haldane/Monod growth with optional oxygen limitation, Luedeking-Piret
// product, maintenance, death, and dilution by the feed. The right-hand side is a template so the same code
// gives values (double) and exact Jacobians (Eigen::AutoDiffScalar). States are never clipped: a slightly
// negative S is part of some published models.
#include "ModelParameters.h"

#include <Eigen/Core>

enum StateIndex
{
    StateX = 0,
    StateS = 1,
    StateP = 2,
    StateV = 3,
    StateC = 4
};

class ProcessModel
{
public:
    explicit ProcessModel(const ModelParameters &parameters) : m_p(parameters) {}

    const ModelParameters &parameters() const { return m_p; }
    bool oxygenOn() const { return m_p.oxygen.has_value(); }
    int stateCount() const { return oxygenOn() ? 5 : 4; }
    Eigen::VectorXd initialState() const
    {
        Eigen::VectorXd y(stateCount());
        y.head<4>() << m_p.initial.X, m_p.initial.S, m_p.initial.P, m_p.initial.V;
        if (oxygenOn())
            y[StateC] = m_p.initial.C;
        return y;
    }

    template <typename T> T growthRate(const T *y, const T &muMultiplier) const
    {
        const Kinetics &k = m_p.kinetics;
        const T &S = y[StateS];
        T denominator = k.Ks + S;
        if (k.Ki)
            denominator += S * S / *k.Ki;
        T mu = muMultiplier * k.muMax * S / denominator;
        if (oxygenOn() && k.Ko)
            mu *= y[StateC] / (*k.Ko + y[StateC]);
        return mu;
    }

    // Specific oxygen uptake qO = mu/Yxo + mo (g O2 per g biomass per hour).
    template <typename T> T specificOxygenUptake(const T &mu) const
    {
        const Kinetics &k = m_p.kinetics;
        return k.Yxo ? T(mu / *k.Yxo + k.mo) : T(mu * 0.0 + k.mo);
    }

    // Volumetric oxygen uptake rate OUR = qO X (g/L/h), the quantity an off-gas analyser reports.
    template <typename T> T oxygenUptakeRate(const T *y, const T &muMultiplier) const
    {
        return specificOxygenUptake(growthRate(y, muMultiplier)) * y[StateX];
    }

    template <typename T> void derivatives(const T *y, const T &feed, const T &muMultiplier, T *dy) const
    {
        const Kinetics &k = m_p.kinetics;
        const T &X = y[StateX];
        const T &S = y[StateS];
        const T &P = y[StateP];
        const T &V = y[StateV];
        const T D = feed / V;
        const T mu = growthRate(y, muMultiplier);
        const T qP = k.alpha * mu + k.beta;
        T qS = mu / k.Yxs + k.ms;
        if (k.Yps)
            qS += qP / *k.Yps;
        dy[StateX] = (mu - k.kd) * X - D * X;
        dy[StateS] = D * (m_p.feed.sIn - S) - qS * X;
        dy[StateP] = qP * X - D * P;
        dy[StateV] = m_p.mode == ReactorMode::FedBatch ? feed : T(feed * 0.0);
        if (oxygenOn()) {
            const T &C = y[StateC];
            dy[StateC] = m_p.oxygen->kLa * (m_p.oxygen->cStar - C) - specificOxygenUptake(mu) * X - D * C;
        }
    }

private:
    ModelParameters m_p;
};
