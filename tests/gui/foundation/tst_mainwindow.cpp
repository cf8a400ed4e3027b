// The main window on the demo reactor, offscreen: plots fill with data, instruments show connected, the feed
// panel refuses out-of-range values and the lag readout is live.
#include "ControlSystem.h"
#include "FeedController.h"
#include "FeedPanel.h"
#include "InstrumentStatusPanel.h"
#include "LivePlot.h"
#include "MainWindow.h"
#include "ReactorSession.h"
#include "UserSession.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void demoFillsThePlots()
    {
        QTemporaryDir dir;
        ReactorSession::Options options;
        options.simulatorProgram = QStringLiteral(RD_SIM_PATH);
        options.speed = 600;
        options.runFile = dir.filePath(QStringLiteral("gui.rdrun"));
        ReactorSession session(options);
        MainWindow window(&session);
        window.show();
        session.start();

        const QStringList channels = {QStringLiteral("ph"),          QStringLiteral("do"),
                                      QStringLiteral("temperature"), QStringLiteral("od"),
                                      QStringLiteral("glucose"),     QStringLiteral("volume"),
                                      QStringLiteral("balance"),     QStringLiteral("feed_rate")};
        QTRY_VERIFY_WITH_TIMEOUT(
            std::all_of(channels.cbegin(), channels.cend(),
                        [&](const QString &c) { return window.livePlot()->pointCount(c) >= 3; }),
            20000);
        for (const QString &name : session.instrumentNames())
            QTRY_COMPARE_WITH_TIMEOUT(window.instrumentPanel()->stateText(name), QStringLiteral("Connected"),
                                      5000);
        QVERIFY(window.lagText().contains(QStringLiteral("ms")));

        // Nobody is signed in: the window is view-only, and that is enforced below the widgets.
        QSignalSpy confirmed(session.feed(), &FeedController::commandConfirmed);
        QVERIFY(!window.feedPanel()->requestRate(12.5, QStringLiteral("test")).isEmpty());
        QCOMPARE(session.feed()->commandedRate(), 0.0);
        session.control()->users()->signInDemoOperator();
        // Out-of-range requests are refused by the controller, whatever the widget allowed.
        QVERIFY(!window.feedPanel()->requestRate(5000.0, QStringLiteral("test")).isEmpty());
        QCOMPARE(session.feed()->commandedRate(), 0.0);
        QCOMPARE(window.feedPanel()->requestRate(12.5, QStringLiteral("test")), QString());
        QVERIFY(confirmed.wait(5000));
        QCOMPARE(session.feed()->commandedRate(), 12.5);

        // Pausing follow-live stops the time axis from moving; resuming brings it back.
        window.livePlot()->setFollowLive(false);
        QVERIFY(!window.livePlot()->followLive());
        window.livePlot()->setFollowLive(true);

        const QImage image = window.grab().toImage();
        QVERIFY(!image.isNull());
        QVERIFY(image.width() > 800);

        QSignalSpy stopped(&session, &ReactorSession::stopped);
        window.close(); // asks the session to stop first
        QVERIFY(stopped.wait(10000));
        QVERIFY(!window.isVisible());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
