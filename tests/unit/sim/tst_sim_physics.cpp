// Harvest pump and stirrer in BioreactorPhysics: exact volume balance, a harvest that takes culture as it is
// (no concentration changes), the dip tube, and kLa set by the stirrer with the default speed unchanged.
#include "BioreactorPhysics.h"

#include <QTest>

#include <cmath>

namespace {
bool sameCulture(const BioreactorState &a, const BioreactorState &b, double tolerance)
{
    return std::abs(a.biomass - b.biomass) < tolerance && std::abs(a.glucose - b.glucose) < tolerance &&
           std::abs(a.product - b.product) < tolerance &&
           std::abs(a.dissolvedO2 - b.dissolvedO2) < tolerance && std::abs(a.pH - b.pH) < tolerance &&
           std::abs(a.temperature - b.temperature) < tolerance;
}
} // namespace

class TestSimPhysics : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void volumeChangeIsFeedPlusBaseMinusHarvest()
    {
        BioreactorPhysics physics;
        physics.setFeedRateMlPerH(80.0);
        physics.setBaseRateMlPerH(7.5);
        physics.setHarvestRateMlPerH(130.0);
        physics.advance(3.0);
        const double expectedL = 1.0 + (80.0 + 7.5 - 130.0) * 3.0 / 1000.0;
        QVERIFY2(std::abs(physics.state().volumeL - expectedL) < 1e-9,
                 qPrintable(QString::number(physics.state().volumeL - expectedL, 'g', 17)));
    }

    void harvestTakesCultureAsItIs()
    {
        // Concentrations follow the batch exactly: only inflows dilute, the harvest only removes volume.
        BioreactorPhysics batch, harvested;
        harvested.setHarvestRateMlPerH(150.0);
        batch.advance(4.0);
        harvested.advance(4.0);
        QVERIFY(sameCulture(batch.state(), harvested.state(), 1e-9));
        QVERIFY(std::abs(harvested.state().volumeL - 0.4) < 1e-9);
        QCOMPARE(harvested.state().bottleMassG, batch.state().bottleMassG);
    }

    void chemostatSubstrateBalanceCloses()
    {
        // Feed in, harvest out at the same rate: the glucose that entered equals what is in the vessel, what
        // left with the harvest and what the biomass formed used. Harvested amounts are integrated alongside.
        BioreactorPhysics physics;
        physics.setFeedRateMlPerH(100.0);
        physics.setHarvestRateMlPerH(100.0);
        const BioreactorParameters &p = physics.parameters();
        auto glucoseEquivalent = [&p](const BioreactorState &s) {
            return (s.glucose + s.biomass / p.yxs) * s.volumeL; // g
        };
        const double start = glucoseEquivalent(physics.state());
        double harvestedG = 0.0;
        const double dt = 0.001;
        for (int i = 0; i < 2000; ++i) { // two hours
            const double before = glucoseEquivalent(physics.state()) / physics.state().volumeL;
            physics.advance(dt, dt);
            const double after = glucoseEquivalent(physics.state()) / physics.state().volumeL;
            harvestedG += 0.1 * dt * (before + after) / 2.0; // trapezoid, 0.1 L/h
        }
        const double fed = 0.1 * 2.0 * p.feedGlucose;
        const double balance = glucoseEquivalent(physics.state()) + harvestedG - start - fed;
        QVERIFY2(std::abs(balance) < 1e-3 * fed, qPrintable(QString::number(balance)));
        QVERIFY(std::abs(physics.state().volumeL - 1.0) < 1e-9);
    }

    void harvestStopsAtTheDipTube()
    {
        BioreactorPhysics physics;
        physics.setHarvestRateMlPerH(500.0);
        physics.advance(3.0); // would take 1.5 L out of 1 L
        const double dipTube = physics.parameters().harvestDipTubeL;
        QVERIFY(physics.state().volumeL <= dipTube + 1e-9);
        QVERIFY(physics.state().volumeL > dipTube - 0.005); // at most one substep below
    }

    void referenceStirrerSpeedKeepsTheDefaultKla()
    {
        BioreactorPhysics physics;
        QCOMPARE(physics.stirrerRpm(), physics.parameters().stirrerRefRpm);
        QCOMPARE(physics.kla(), physics.parameters().kla);
        BioreactorPhysics explicitSpeed;
        explicitSpeed.setStirrerRpm(physics.parameters().stirrerRefRpm);
        physics.advance(3.0);
        explicitSpeed.advance(3.0);
        QVERIFY(sameCulture(physics.state(), explicitSpeed.state(), 1e-12));
    }

    void stirrerSpeedSetsKlaAndDissolvedOxygen()
    {
        const BioreactorParameters p;
        BioreactorPhysics slow, fast;
        slow.setStirrerRpm(p.stirrerRefRpm / 2);
        fast.setStirrerRpm(p.stirrerRefRpm * 2);
        QVERIFY(std::abs(fast.kla() - p.kla * std::pow(2.0, p.klaStirrerExponent)) < 1e-9);
        QVERIFY(std::abs(slow.kla() * fast.kla() - p.kla * p.kla) < 1e-9);
        slow.advance(2.0);
        fast.advance(2.0);
        // The oxygen deficit (100 - DO) is demand / kLa: lower with the faster stirrer.
        QVERIFY(fast.state().dissolvedO2 > slow.state().dissolvedO2 + 5.0);
    }
};

QTEST_GUILESS_MAIN(TestSimPhysics)
#include "tst_sim_physics.moc"
