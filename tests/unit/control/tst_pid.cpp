// PID closed around a plant model: step responses that settle without sustained oscillation, anti-windup when
// the output saturates, output and rate limits, bumpless start and retune.
#include "PidController.h"

#include <QTest>

#include <cmath>
#include <vector>

namespace {
// A first-order plant with dead time: tau dy/dt = K u(t - deadTime) - (y - ambient).
struct FirstOrderPlant
{
    double gain = 0.05;
    double tauSeconds = 60.0;
    double ambient = 0.0;
    double y = 0.0;
    std::vector<double> delayLine = std::vector<double>(5, 0.0); // 5 s at 1 s steps
    void step(double u, double dt)
    {
        delayLine.push_back(u);
        const double delayed = delayLine.front();
        delayLine.erase(delayLine.begin());
        y += dt / tauSeconds * (gain * delayed - (y - ambient));
    }
};

struct Response
{
    double finalError;
    double overshoot;
    int signChangesLastHalf; // of the error: sustained oscillation shows many
    double maxOutputStep;
};

Response closedLoop(PidController &pid, FirstOrderPlant &plant, double setpoint, int seconds)
{
    Response r{0, 0, 0, 0};
    double previousError = 0.0;
    double previousOutput = pid.output();
    for (int s = 0; s < seconds; ++s) {
        const double u = pid.update(setpoint, plant.y, 1.0);
        r.maxOutputStep = std::max(r.maxOutputStep, std::abs(u - previousOutput));
        previousOutput = u;
        plant.step(u, 1.0);
        r.overshoot = std::max(r.overshoot, plant.y - setpoint);
        const double error = setpoint - plant.y;
        if (s > seconds / 2 && std::abs(error) > 0.01 && error * previousError < 0)
            ++r.signChangesLastHalf;
        if (std::abs(error) > 0.01)
            previousError = error;
    }
    r.finalError = setpoint - plant.y;
    return r;
}

PidTuning tuning()
{
    PidTuning t;
    t.kp = 20.0;
    t.ki = 0.5;
    t.kd = 0.0;
    t.outputMinimum = 0.0;
    t.outputMaximum = 100.0;
    return t;
}
} // namespace

class TestPid : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void stepResponseSettlesWithoutSustainedOscillation()
    {
        PidController pid(tuning());
        FirstOrderPlant plant;
        pid.reset(0.0, 2.0, plant.y);
        const Response r = closedLoop(pid, plant, 2.0, 1200);
        QVERIFY2(std::abs(r.finalError) < 0.02, qPrintable(QString::number(r.finalError)));
        QVERIFY2(r.overshoot < 0.5, qPrintable(QString::number(r.overshoot)));
        QCOMPARE(r.signChangesLastHalf, 0);
        // At steady state the output carries the plant: y = K u -> u = 40.
        QVERIFY(std::abs(pid.output() - 40.0) < 1.0);
    }

    void aggressiveGainOscillatesSoTheCheckCanFail()
    {
        PidTuning t = tuning();
        t.kp = 400.0;
        t.ki = 20.0;
        PidController pid(t);
        FirstOrderPlant plant;
        pid.reset(0.0, 2.0, plant.y);
        const Response r = closedLoop(pid, plant, 2.0, 1200);
        QVERIFY(r.signChangesLastHalf > 5);
    }

    void antiWindupRecoversQuicklyAfterSaturation()
    {
        // The setpoint is unreachable for 10 min (needs u = 200 > 100), then drops to a reachable one.
        PidController pid(tuning());
        FirstOrderPlant plant;
        pid.reset(0.0, 10.0, plant.y);
        closedLoop(pid, plant, 10.0, 600);
        QCOMPARE(pid.output(), 100.0);
        QVERIFY2(pid.integral() <= 100.0 + 1e-9, qPrintable(QString::number(pid.integral())));
        // Without anti-windup the integral would be about 0.5 * 5 * 600 = 1500 and hold the output at 100 for
        // minutes after the setpoint drops below the process value.
        const Response r = closedLoop(pid, plant, 2.0, 240);
        QVERIFY2(plant.y < 3.0, qPrintable(QString::number(plant.y)));
        QVERIFY(r.overshoot < 3.0);
    }

    void outputAndRateLimitsHold()
    {
        PidTuning t = tuning();
        t.outputMaximum = 60.0;
        t.maxOutputChangePerSecond = 2.0;
        PidController pid(t);
        FirstOrderPlant plant;
        pid.reset(0.0, 2.0, plant.y);
        const Response r = closedLoop(pid, plant, 2.0, 600);
        QVERIFY(r.maxOutputStep <= 2.0 + 1e-9);
        QVERIFY(pid.output() <= 60.0);
    }

    void resetIsBumpless()
    {
        PidController pid(tuning());
        // Taking over an actuator running at 37 with the measurement 0.4 below the setpoint.
        pid.reset(37.0, 2.0, 1.6);
        const double first = pid.update(2.0, 1.6, 1.0);
        // Only one second of integral action moves it: ki * e * dt = 0.5 * 0.4 = 0.2
        QVERIFY2(std::abs(first - 37.2) < 1e-9, qPrintable(QString::number(first)));
    }

    void retuneIsBumpless()
    {
        PidController pid(tuning());
        pid.reset(37.0, 2.0, 1.6);
        pid.update(2.0, 1.6, 1.0);
        const double before = pid.output();
        PidTuning t = tuning();
        t.kp = 60.0;
        pid.setTuning(t);
        QCOMPARE(pid.output(), before);
        const double after = pid.update(2.0, 1.6, 1e-6); // no time passes: no integral, same error
        QVERIFY2(std::abs(after - before) < 1e-3, qPrintable(QString::number(after - before)));
    }

    void trackFollowsWhatTheActuatorGot()
    {
        PidController pid(tuning());
        pid.reset(50.0, 2.0, 2.0);
        pid.track(20.0); // a downstream limit held the actuator at 20
        const double next = pid.update(2.0, 2.0, 1.0);
        QVERIFY(std::abs(next - 20.0) < 1e-9);
    }

    void tuningRoundTripsThroughJson()
    {
        PidTuning t = tuning();
        t.kd = 3.5;
        t.reverseActing = true;
        QString error;
        const PidTuning back = PidTuning::fromJson(t.toJson(), &error);
        QVERIFY(error.isEmpty());
        QCOMPARE(back.kd, 3.5);
        QVERIFY(back.reverseActing);
        QJsonObject bad = t.toJson();
        bad.insert(QStringLiteral("kp"), QStringLiteral("fast"));
        PidTuning::fromJson(bad, &error);
        QVERIFY(error.contains(QStringLiteral("kp")));
    }
};

QTEST_GUILESS_MAIN(TestPid)
#include "tst_pid.moc"
