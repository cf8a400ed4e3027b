#include "EventLoopLagProbe.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

class TestLagProbe : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aBlockedLoopIsMeasured()
    {
        EventLoopLagProbe probe(nullptr, 10, 1000);
        QTest::qWait(100);
        // Block the loop on purpose for 80 ms (a test may; the programs never do).
        QTimer::singleShot(0, [] {
            QElapsedTimer busy;
            busy.start();
            while (busy.elapsed() < 80) {
            }
        });
        QTest::qWait(150);
        QVERIFY2(probe.maxLagMsInWindow() >= 60.0, qPrintable(QString::number(probe.maxLagMsInWindow())));
        QVERIFY(probe.maxLagMsEver() >= 60.0);
    }
    void theWindowForgetsOldStalls()
    {
        EventLoopLagProbe probe(nullptr, 10, 300);
        QTimer::singleShot(20, [] {
            QElapsedTimer busy;
            busy.start();
            while (busy.elapsed() < 60) {
            }
        });
        QTest::qWait(150);
        QVERIFY(probe.maxLagMsInWindow() >= 40.0);
        QTRY_VERIFY_WITH_TIMEOUT(probe.maxLagMsInWindow() < 40.0, 2000);
        QVERIFY(probe.maxLagMsEver() >= 40.0);
    }
    void reportsPeriodically()
    {
        EventLoopLagProbe probe;
        QSignalSpy updates(&probe, &EventLoopLagProbe::lagUpdated);
        QTRY_VERIFY_WITH_TIMEOUT(updates.count() >= 2, 3000);
    }
};

QTEST_GUILESS_MAIN(TestLagProbe)
#include "tst_lagprobe.moc"
