// Stop-all against the real simulator process: the demo station's pumps (Reglo ICC feed pump on a pty, base
// pump on Modbus TCP) are running; stop-all puts every one in its safe state and each instrument confirms the
// command within 1 s. Also: a Viewer's stop-all is refused and audited, nothing is sent.
#include "ControlSystem.h"
#include "DemoSessionTools.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace DemoSessionTools;

class TestStopAllSim : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // the user store goes to a test folder
        QVERIFY(m_dir.isValid());
    }

    void stopAllReachesEveryPumpWithinOneSecond()
    {
        ReactorSession session(demoOptions(60, m_dir.filePath(QStringLiteral("stop.rdrun"))));
        session.start();
        QTRY_VERIFY_WITH_TIMEOUT(allInstrumentsConnected(session), 20000);
        ControlSystem *control = session.control();
        const QList<ActuatorControl *> pumps = control->actuators()->actuators();
        QVERIFY(!pumps.isEmpty());

        // A viewer cannot stop (or start) anything; the refusal is audited.
        QSignalSpy bankAudit(control->actuators(), &ActuatorBank::audited);
        QVERIFY(!control->stopAll(QStringLiteral("viewer tries")).isEmpty());
        QCOMPARE(bankAudit.count(), 1);
        QVERIFY(bankAudit.at(0).at(0).value<AuditEntry>().reason.startsWith(QStringLiteral("refused")));

        control->users()->signInDemoOperator();
        for (ActuatorControl *pump : pumps) {
            QSignalSpy confirmed(pump->feed(), &FeedController::commandConfirmed);
            const ActuatorLimits limits = pump->feed()->limits();
            const double rate = std::clamp(20.0, limits.minimum, limits.maximum);
            QVERIFY(pump->setManualRate(rate, control->actor(), QStringLiteral("run")).isEmpty());
            QVERIFY(confirmed.wait(5000));
        }
        QTRY_VERIFY_WITH_TIMEOUT(latestValue(session.store(), QStringLiteral("feed_rate")) > 10.0, 10000);

        QList<QSignalSpy *> spies;
        for (ActuatorControl *pump : pumps)
            spies.append(new QSignalSpy(pump->feed(), &FeedController::commandConfirmed));
        QElapsedTimer timer;
        timer.start();
        QVERIFY(control->stopAll(QStringLiteral("test")).isEmpty());
        for (int i = 0; i < pumps.size(); ++i) {
            const double safe = pumps[i]->feed()->limits().safeValue;
            QTRY_VERIFY_WITH_TIMEOUT(spies[i]->count() > 0 && spies[i]->last().at(0).toDouble() == safe,
                                     2000);
            QVERIFY(pumps[i]->modeKind() == ControlModeKind::Manual);
        }
        const qint64 elapsedMs = timer.elapsed();
        qInfo("stop-all confirmed by %lld pump(s) after %lld ms", qint64(pumps.size()), elapsedMs);
        QVERIFY2(elapsedMs < 1000, qPrintable(QString::number(elapsedMs)));
        qDeleteAll(spies);
        // The simulator really stopped the feed.
        QTRY_COMPARE_WITH_TIMEOUT(latestValue(session.store(), QStringLiteral("feed_rate")), 0.0, 5000);

        QVERIFY(shutDown(session));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestStopAllSim)
#include "tst_stop_all_sim.moc"
