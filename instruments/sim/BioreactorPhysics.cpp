#include "BioreactorPhysics.h"

#include <algorithm>
#include <cmath>

namespace {
enum Index
{
    X,
    S,
    P,
    V,
    DO,
    T,
    PH,
    BOTTLE
};
}

BioreactorPhysics::Vector BioreactorPhysics::pack(const BioreactorState &s)
{
    return {s.biomass, s.glucose, s.product, s.volumeL, s.dissolvedO2, s.temperature, s.pH, s.bottleMassG};
}

BioreactorState BioreactorPhysics::unpack(const Vector &y)
{
    return {y[X], y[S], y[P], y[V], y[DO], y[T], y[PH], y[BOTTLE]};
}

double BioreactorPhysics::growthRate() const
{
    const double s = std::max(0.0, m_state.glucose);
    return m_p.muMax * s / (m_p.ks + s);
}

double BioreactorPhysics::kla() const
{
    return m_p.kla * std::pow(std::max(0.0, m_stirrerRpm) / m_p.stirrerRefRpm, m_p.klaStirrerExponent);
}

BioreactorPhysics::Vector BioreactorPhysics::derivative(const Vector &y) const
{
    // The feed stops by itself when the bottle is empty, as a real pump then pumps air.
    const bool bottleEmpty = y[BOTTLE] <= 0.0;
    const double feedLPerH = bottleEmpty ? 0.0 : m_feedMlPerH / 1000.0;
    const double baseLPerH = m_baseMlPerH / 1000.0;
    // Likewise the harvest pumps air once the level is below its dip tube.
    const double harvestLPerH = y[V] <= m_p.harvestDipTubeL ? 0.0 : m_harvestMlPerH / 1000.0;
    // The harvest takes culture as it is, so it changes the volume but no concentration: only inflows dilute.
    const double dilution = (feedLPerH + baseLPerH) / y[V];
    const double glucose = std::max(0.0, y[S]);
    // Oxygen limitation slows growth when DO approaches zero.
    const double oxygenFactor = std::max(0.0, y[DO]) / (2.0 + std::max(0.0, y[DO]));
    const double mu = m_p.muMax * glucose / (m_p.ks + glucose) * oxygenFactor;
    const double growth = mu * y[X];
    const double productRate = m_p.alpha * growth + m_p.beta * y[X];

    Vector d{};
    d[X] = growth - dilution * y[X];
    d[S] = -growth / m_p.yxs + feedLPerH / y[V] * m_p.feedGlucose - dilution * y[S];
    d[P] = productRate - dilution * y[P];
    d[V] = feedLPerH + baseLPerH - harvestLPerH;
    d[DO] = kla() * (100.0 - y[DO]) - m_p.oxygenDemand * growth;
    d[T] = (m_p.temperatureSet - y[T]) / m_p.temperatureTauH + 0.05 * growth;
    d[PH] = -m_p.acidPerProduct * productRate + m_p.basePerMl * m_baseMlPerH / y[V] +
            m_p.pHRelaxPerH * (7.0 - y[PH]);
    d[BOTTLE] = bottleEmpty ? 0.0 : -m_feedMlPerH * m_p.feedDensity;
    return d;
}

void BioreactorPhysics::rk4Step(double h)
{
    const Vector y = pack(m_state);
    auto shifted = [&y](const Vector &k, double f) {
        Vector r;
        for (std::size_t i = 0; i < r.size(); ++i)
            r[i] = y[i] + f * k[i];
        return r;
    };
    const Vector k1 = derivative(y);
    const Vector k2 = derivative(shifted(k1, h / 2));
    const Vector k3 = derivative(shifted(k2, h / 2));
    const Vector k4 = derivative(shifted(k3, h));
    Vector next;
    for (std::size_t i = 0; i < next.size(); ++i)
        next[i] = y[i] + h / 6.0 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
    next[BOTTLE] = std::max(0.0, next[BOTTLE]);
    m_state = unpack(next);
}

void BioreactorPhysics::advance(double dtHours, double maxSubstepH)
{
    if (dtHours <= 0.0)
        return;
    const int steps = std::max(1, int(std::ceil(dtHours / maxSubstepH)));
    const double h = dtHours / steps;
    for (int i = 0; i < steps; ++i)
        rk4Step(h);
}
