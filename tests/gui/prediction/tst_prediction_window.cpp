// The live prediction in the main window, offscreen, on the demo reactor: the recommendation card shows the
// model's advice, its Apply button sets the feed through the controller, and the forecast overlay's graphs on
// the od, glucose and volume plots hold the forecast (mean and band) reaching past the newest reading, also
// after View > Layout combined od and glucose in one panel.
#include "ControlSystem.h"
#include "FeedController.h"
#include "ForecastOverlay.h"
#include "LivePlot.h"
#include "MainWindow.h"
#include "PredictionCoordinator.h"
#include "ReactorSession.h"
#include "RecommendationCard.h"
#include "SampleStore.h"

#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <qcustomplot.h>

#include <cmath>

class TestPredictionWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cardShowsAdviceAndOverlayHoldsTheForecast()
    {
        QTemporaryDir dir;
        // The window saves its plot layout: into the temporary folder, not the user's settings.
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                           dir.filePath(QStringLiteral("config")));
        ReactorSession::Options options;
        options.simulatorProgram = QStringLiteral(RD_SIM_PATH);
        options.speed = 1800;
        options.runFile = dir.filePath(QStringLiteral("gui-prediction.rdrun"));
        ReactorSession session(options);
        session.prediction()->setPeriodMs(1000);
        MainWindow window(&session);
        window.show();
        session.start();

        RecommendationCard *card = window.recommendationCard();
        QVERIFY(card);
        QVERIFY(!card->applyButton()->isEnabled()); // nothing to apply before the first model run
        QTRY_VERIFY_WITH_TIMEOUT(card->recommendationText().startsWith(QStringLiteral("feed ")), 25000);
        QVERIFY(card->recommendationText().contains(QStringLiteral("mL/h")));
        QVERIFY(card->applyButton()->isEnabled());

        ForecastOverlay *overlay = window.forecastOverlay();
        double newest = 0.0, first = 0.0;
        QVERIFY(session.store()->timeSpan(QStringLiteral("od"), &first, &newest));
        for (const QString &channel :
             {QStringLiteral("od"), QStringLiteral("glucose"), QStringLiteral("volume")}) {
            QVERIFY2(overlay->pointCount(channel) > 10, qPrintable(channel));
            QCOMPARE(overlay->upperGraph(channel)->dataCount(), overlay->pointCount(channel));
            // Drawn behind the measured data, in the channel's own plot.
            QCOMPARE(overlay->meanGraph(channel)->layer()->name(), QStringLiteral("forecast"));
            QCOMPARE(overlay->meanGraph(channel)->valueAxis()->axisRect(),
                     window.livePlot()->trackRect(channel));
            QVERIFY(overlay->meanGraph(channel)->data()->at(overlay->pointCount(channel) - 1)->key > newest);
        }
        QCOMPARE(overlay->pointCount(QStringLiteral("ph")), 0); // not modelled

        // Glucose moved into od's panel (View > Layout > Combine related): its forecast stays on its own
        // axis.
        QMenu *view = nullptr;
        for (QAction *menu : window.menuBar()->actions())
            if (menu->text() == QStringLiteral("&View"))
                view = menu->menu();
        QVERIFY(view);
        QAction *layout = nullptr;
        for (QAction *action : view->actions())
            if (action->text() == QStringLiteral("&Layout"))
                layout = action;
        QVERIFY(layout && layout->menu());
        layout->menu()->actions().at(1)->trigger(); // Combine related channels
        LivePlot *plot = window.livePlot();
        QCOMPARE(plot->trackRect(QStringLiteral("glucose")), plot->trackRect(QStringLiteral("od")));
        for (const QString &channel : {QStringLiteral("od"), QStringLiteral("glucose")}) {
            QCOMPARE(overlay->meanGraph(channel)->valueAxis(), plot->valueAxis(channel));
            QCOMPARE(overlay->upperGraph(channel)->keyAxis(), plot->timeAxis(channel));
            QVERIFY(overlay->pointCount(channel) > 10);
        }
        QVERIFY(plot->valueAxis(QStringLiteral("od")) != plot->valueAxis(QStringLiteral("glucose")));

        // Nobody signed in: view only, the click is refused below the UI.
        QSignalSpy audited(session.feed(), &FeedController::audited);
        QTest::mouseClick(card->applyButton(), Qt::LeftButton);
        QCOMPARE(audited.count(), 0);
        QVERIFY2(card->statusText().startsWith(QStringLiteral("Not applied")),
                 qPrintable(card->statusText()));
        QCOMPARE(session.feed()->targetRate(), 0.0);

        // Signed in as an operator, one click applies it through the feed controller (audited, within
        // limits).
        session.control()->users()->signInDemoOperator();
        QTRY_VERIFY_WITH_TIMEOUT(session.control()->users()->signedIn(), 5000);
        QTest::mouseClick(card->applyButton(), Qt::LeftButton);
        QCOMPARE(audited.count(), 1);
        QCOMPARE(audited.first().first().value<AuditEntry>().user, session.control()->actor().user);
        QVERIFY2(card->statusText().startsWith(QStringLiteral("Applied")), qPrintable(card->statusText()));
        QCOMPARE(session.feed()->targetRate(),
                 std::round(session.prediction()->recommendedRateMlPerH() * 10.0) / 10.0);

        QVERIFY(window.grab().toImage().width() > 800);
        QSignalSpy stopped(&session, &ReactorSession::stopped);
        window.close();
        QVERIFY(stopped.wait(10000));
    }
};

QTEST_MAIN(TestPredictionWindow)
#include "tst_prediction_window.moc"
