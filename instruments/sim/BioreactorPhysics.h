#pragma once
// The simulated vessel: Monod growth on glucose in a fed-batch or chemostat culture with dissolved oxygen
// (kLa set by the stirrer speed), temperature, pH, a feed bottle standing on a balance and a harvest pump
// drawing culture off. Time is in hours. Integrated with classic RK4 in small fixed substeps, which keeps
// linear invariants (substrate consumed = biomass formed / Yxs without feed; volume change = feed + base -
// harvest) exact.
#include <array>

struct BioreactorParameters
{
    double muMax = 0.35;             // 1/h
    double ks = 0.15;                // g/L
    double yxs = 0.5;                // g biomass / g glucose
    double alpha = 0.08;             // g product / g biomass formed
    double beta = 0.002;             // g product / (g biomass h)
    double kla = 90.0;               // 1/h at the reference stirrer speed
    double stirrerRefRpm = 400.0;    // the default stirrer speed, at which kLa = kla
    double klaStirrerExponent = 1.8; // kLa = kla (N / stirrerRefRpm)^a, a = 1.5..2 for stirred tanks
    double oxygenDemand = 900;       // %sat per (g/L biomass formed per h): oxygen uptake by growth
    double feedGlucose = 400.0;      // g/L glucose in the feed bottle
    double feedDensity = 1.15;       // g/mL of the feed solution
    double temperatureSet = 37.0;
    double temperatureTauH = 0.15;
    double acidPerProduct = 0.5;  // pH units per g/L product formed, before buffering
    double basePerMl = 0.08;      // pH units per mL base per L culture
    double pHRelaxPerH = 0.02;    // buffer pulls pH back slowly
    double harvestDipTubeL = 0.2; // the harvest draws air below this volume (the dip tube's end)
};

struct BioreactorState
{
    double biomass = 0.5;       // X, g/L
    double glucose = 10.0;      // S, g/L
    double product = 0.0;       // P, g/L
    double volumeL = 1.0;       // V
    double dissolvedO2 = 100.0; // %sat
    double temperature = 36.2;  // degC
    double pH = 7.0;
    double bottleMassG = 800.0; // feed bottle on the balance
};

class BioreactorPhysics
{
public:
    explicit BioreactorPhysics(const BioreactorParameters &parameters = {}) : m_p(parameters) {}

    const BioreactorState &state() const { return m_state; }
    void setState(const BioreactorState &state) { m_state = state; }
    const BioreactorParameters &parameters() const { return m_p; }

    void setFeedRateMlPerH(double rate) { m_feedMlPerH = rate; }
    double feedRateMlPerH() const { return m_feedMlPerH; }
    void setBaseRateMlPerH(double rate) { m_baseMlPerH = rate; }
    double baseRateMlPerH() const { return m_baseMlPerH; }
    void setHarvestRateMlPerH(double rate) { m_harvestMlPerH = rate; }
    double harvestRateMlPerH() const { return m_harvestMlPerH; }
    void setStirrerRpm(double rpm) { m_stirrerRpm = rpm; }
    double stirrerRpm() const { return m_stirrerRpm; }
    double kla() const; // 1/h at the present stirrer speed

    // Advances by dtHours in RK4 substeps of at most maxSubstepH.
    void advance(double dtHours, double maxSubstepH = 0.002);
    double growthRate() const; // mu at the current state, 1/h

private:
    using Vector = std::array<double, 8>;
    Vector derivative(const Vector &y) const;
    static Vector pack(const BioreactorState &s);
    static BioreactorState unpack(const Vector &y);
    void rk4Step(double h);

    BioreactorParameters m_p;
    BioreactorState m_state;
    double m_feedMlPerH = 0.0;
    double m_baseMlPerH = 0.0;
    double m_harvestMlPerH = 0.0;
    double m_stirrerRpm = m_p.stirrerRefRpm;
};
