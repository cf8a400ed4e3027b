// Level limits with deadband, on-delay and off-delay, and rate-of-change alarms, on noisy signals: noise
// around a limit raises one alarm, not hundreds; a spike shorter than the on-delay raises none.
#include "LimitDetector.h"
#include "RateOfChangeDetector.h"

#include <QTest>

#include <random>

namespace {
// Counts how often the detector turns active over a series of samples every periodMs.
template <typename Detector, typename Signal>
int activations(Detector &detector, Signal signal, int samples, qint64 periodMs)
{
    int count = 0;
    bool was = false;
    for (int i = 0; i < samples; ++i) {
        const qint64 t = i * periodMs;
        const bool now = detector.update(signal(t), t);
        count += now && !was;
        was = now;
    }
    return count;
}
} // namespace

class TestLimitDetectors : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void noiseAroundTheLimitWithoutDeadbandChatters()
    {
        std::mt19937 random(7);
        std::normal_distribution<double> noise(0.0, 0.3);
        LimitDetector detector({LimitSettings::Direction::High, 37.5, 0.0, 0, 0});
        const int count = activations(
            detector, [&](qint64) { return 37.5 + noise(random); }, 2000, 500);
        QVERIFY2(count > 100, qPrintable(QString::number(count))); // the problem the deadband solves
    }

    void deadbandAndDelaysGiveOneAlarm()
    {
        std::mt19937 random(7);
        std::normal_distribution<double> noise(0.0, 0.3);
        LimitDetector detector({LimitSettings::Direction::High, 37.5, 1.0, 5000, 5000});
        // Rises from 36 through the limit to 38 and stays there with noise.
        auto signal = [&](qint64 t) { return std::min(38.0, 36.0 + double(t) / 60000.0) + noise(random); };
        QCOMPARE(activations(detector, signal, 2000, 500), 1);
        QVERIFY(detector.active());
    }

    void clearsOnlyBelowLimitMinusDeadbandForTheOffDelay()
    {
        LimitDetector detector({LimitSettings::Direction::High, 10.0, 1.0, 0, 3000});
        QVERIFY(detector.update(10.5, 0));
        QVERIFY(detector.update(9.5, 1000)); // inside the deadband: still active
        QVERIFY(detector.update(8.5, 2000)); // below, off-delay starts
        QVERIFY(detector.update(8.5, 4000)); // 2 s below
        QVERIFY(detector.update(9.5, 4500)); // back into the deadband: off-delay restarts
        QVERIFY(detector.update(8.0, 5000));
        QVERIFY(detector.update(8.0, 7999));
        QVERIFY(!detector.update(8.0, 8000)); // 3 s continuously below
    }

    void spikeShorterThanTheOnDelayRaisesNothing()
    {
        std::mt19937 random(11);
        std::normal_distribution<double> noise(0.0, 0.2);
        LimitDetector detector({LimitSettings::Direction::Low, 20.0, 2.0, 10000, 5000});
        // DO around 40 %, one dip to 5 % for 8 s (shorter than the 10 s on-delay).
        auto signal = [&](qint64 t) { return (t >= 60000 && t < 68000 ? 5.0 : 40.0) + noise(random); };
        QCOMPARE(activations(detector, signal, 400, 500), 0);
        // The same dip for 12 s raises exactly one.
        LimitDetector longer({LimitSettings::Direction::Low, 20.0, 2.0, 10000, 5000});
        auto longDip = [&](qint64 t) { return (t >= 60000 && t < 72000 ? 5.0 : 40.0) + noise(random); };
        QCOMPARE(activations(longer, longDip, 400, 500), 1);
        QVERIFY(!longer.active()); // and it cleared after the off-delay
    }

    void rateOfChangeCatchesADoCrashButNotNoise()
    {
        std::mt19937 random(3);
        std::normal_distribution<double> noise(0.0, 0.5);
        RateOfChangeDetector steady(-10.0, 2.0, 60000, 5000, 5000);
        QCOMPARE(activations(
                     steady, [&](qint64) { return 40.0 + noise(random); }, 1200, 500),
                 0);

        RateOfChangeDetector crash(-10.0, 2.0, 60000, 5000, 5000);
        // Steady 40 %, then falling 30 %/min from t = 5 min to 0.
        auto signal = [&](qint64 t) {
            const double minutes = double(t) / 60000.0;
            return std::max(0.0, 40.0 - std::max(0.0, minutes - 5.0) * 30.0) + noise(random);
        };
        QCOMPARE(activations(crash, signal, 1200, 500), 1);
        QVERIFY(crash.slopePerMinute() > -10.0); // flat at 0 again by the end
    }
};

QTEST_GUILESS_MAIN(TestLimitDetectors)
#include "tst_limit_detectors.moc"
