// PID closed around the real simulator process: glucose held by the feed pump (Reglo ICC on a pty, glucose
// from the SCPI analyser). A setpoint step of +2 g/L from the initial ~10 g/L must settle without sustained
// oscillation, and the loop must never command outside the pump's limits.
// Taking over is bumpless (the output starts where it was); the step is a setpoint change.
#include "ControlSystem.h"
#include "PidMode.h"
#include "ReactorSession.h"
#include "SampleStore.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

class TestPidSim : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void glucoseStepSettles()
    {
        ReactorSession::Options options;
        options.simulatorProgram = QStringLiteral(RD_SIM_PATH);
        options.speed = 60; // one simulated minute per second
        options.runFile = m_dir.filePath(QStringLiteral("pid.rdrun"));
        ReactorSession session(options);
        session.start();
        SampleStore *store = session.store();
        QTRY_VERIFY_WITH_TIMEOUT(store->pointCount(QStringLiteral("glucose")) >= 2, 20000);
        ControlSystem *control = session.control();
        control->users()->signInDemoOperator();
        ActuatorControl *feed = control->actuators()->find(QStringLiteral("feed_pump"));
        QVERIFY(feed);
        double minCommand = 1e9, maxCommand = -1e9;
        connect(feed->feed(), &FeedController::commandSent, this, [&](double rate) {
            minCommand = std::min(minCommand, rate);
            maxCommand = std::max(maxCommand, rate);
        });

        // Feed into glucose is an integrator: about 0.0067 g/L per wall second per mL/h at this speed.
        PidTuning tuning;
        tuning.kp = 40.0;
        tuning.ki = 1.0;
        tuning.outputMinimum = 0.0;
        tuning.outputMaximum = 100.0;
        // Take over bumplessly at the present value (the pump stays off), then step the setpoint.
        const double initial = store->series(QStringLiteral("glucose")).back().value;
        QVERIFY(feed->setMode(std::make_unique<PidMode>(QStringLiteral("glucose"), initial, tuning),
                              control->actor())
                    .isEmpty());
        QTest::qWait(2000);
        QVERIFY(feed->feed()->commandedRate() < 5.0);
        const double setpoint = initial + 2.0;
        QVERIFY(feed->setSetpoint(setpoint, control->actor()).isEmpty());

        QList<double> errors; // one per second
        for (int second = 0; second < 25; ++second) {
            QTest::qWait(1000);
            errors.append(setpoint - store->series(QStringLiteral("glucose")).back().value);
        }
        // Settled: the last 10 s within 0.3 g/L, and the error does not swing from side to side.
        double worst = 0.0;
        int signChanges = 0;
        for (int i = 15; i < errors.size(); ++i) {
            worst = std::max(worst, std::abs(errors[i]));
            if (std::abs(errors[i]) > 0.1 && std::abs(errors[i - 1]) > 0.1 && errors[i] * errors[i - 1] < 0)
                ++signChanges;
        }
        QString trace;
        for (double e : errors)
            trace += QString::number(e, 'f', 2) + QLatin1Char(' ');
        qInfo("error trace (g/L): %s", qPrintable(trace));
        QVERIFY2(worst < 0.3, qPrintable(trace));
        QVERIFY2(signChanges <= 1, qPrintable(trace));
        QVERIFY(errors.first() > 1.0); // it really was a step
        QVERIFY(minCommand >= 0.0 && maxCommand <= 100.0);

        QSignalSpy stopped(&session, &ReactorSession::stopped);
        session.shutdown();
        QVERIFY(stopped.wait(10000));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestPidSim)
#include "tst_pid_sim.moc"
