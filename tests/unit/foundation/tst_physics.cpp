#include "BioreactorPhysics.h"

#include <QTest>

class TestPhysics : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void substrateConsumedMatchesBiomassFormed()
    {
        BioreactorPhysics physics;
        const BioreactorState before = physics.state();
        physics.advance(5.0); // five hours of batch growth, no feed
        const BioreactorState after = physics.state();
        const double biomassFormed = after.biomass - before.biomass;
        const double substrateConsumed = before.glucose - after.glucose;
        QVERIFY(biomassFormed > 0.5); // it grew
        QVERIFY(qAbs(substrateConsumed - biomassFormed / physics.parameters().yxs) < 1e-9);
        QCOMPARE(after.volumeL, before.volumeL);
    }
    void feedRaisesVolumeAndEmptiesTheBottle()
    {
        BioreactorPhysics physics;
        physics.setFeedRateMlPerH(50.0);
        physics.advance(2.0);
        QVERIFY(qAbs(physics.state().volumeL - 1.1) < 1e-9);
        const double expectedBottle = 800.0 - 100.0 * physics.parameters().feedDensity;
        QVERIFY(qAbs(physics.state().bottleMassG - expectedBottle) < 1e-6);
    }
    void growthStopsWhenGlucoseRunsOut()
    {
        BioreactorPhysics physics;
        physics.advance(40.0);
        QVERIFY(physics.state().glucose < 0.05);
        QVERIFY(physics.growthRate() < 0.1 * physics.parameters().muMax);
        // Oxygen recovers towards saturation once growth stops.
        QVERIFY(physics.state().dissolvedO2 > 90.0);
    }
};

QTEST_GUILESS_MAIN(TestPhysics)
#include "tst_physics.moc"
