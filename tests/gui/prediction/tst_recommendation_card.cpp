// The recommendation card while the model plan drives the feed pump, offscreen against the real simulator at
// 1800x: the card says the model is in control and when it changes the rate next; Apply becomes "Take manual
// control at this rate..." and asks first without blocking; Cancel leaves the model in control, Yes switches
// the pump to manual at the recommended rate as the signed-in operator (audited). Plain Apply again after; a
// models reset clears the advice.
#include "ActuatorControl.h"
#include "ControlSystem.h"
#include "FeedController.h"
#include "ModelPlanLink.h"
#include "ModelPredictiveMode.h"
#include "PredictionCoordinator.h"
#include "ReactorSession.h"
#include "RecommendationCard.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

namespace {
// What the card should say now, from the link's own status.
QString expectedControlText(const ModelPlanStatus &status)
{
    if (!status.nextChangeUtcMs)
        return QStringLiteral("Model plan in control: %1 mL/h until the next plan")
            .arg(status.rate, 0, 'f', 1);
    return QStringLiteral("Model plan in control: next change at %1, %2 mL/h")
        .arg(QDateTime::fromMSecsSinceEpoch(*status.nextChangeUtcMs)
                 .toLocalTime()
                 .toString(QStringLiteral("HH:mm:ss")))
        .arg(status.nextRate, 0, 'f', 1);
}
} // namespace

class TestRecommendationCard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void modelInControlIsShownAndTakingOverAsksFirst()
    {
        QTemporaryDir dir;
        ReactorSession::Options options;
        options.simulatorProgram = QStringLiteral(RD_SIM_PATH);
        options.speed = 1800;
        options.runFile = dir.filePath(QStringLiteral("card.rdrun"));
        ReactorSession session(options);
        session.prediction()->setPeriodMs(1000);
        RecommendationCard card(session.prediction(), session.modelPlan(), session.control()->users());
        card.show();
        session.start();
        QTRY_VERIFY_WITH_TIMEOUT(card.applyButton()->isEnabled(), 25000);
        QVERIFY(card.controlText().isEmpty()); // manual: nobody but the operator in control
        QCOMPARE(card.applyButton()->text(), QStringLiteral("&Apply"));

        session.control()->users()->signInDemoOperator();
        QTRY_VERIFY_WITH_TIMEOUT(session.control()->users()->signedIn(), 5000);
        const Actor operatorActor = session.control()->actor();
        ActuatorControl *pump = session.control()->actuators()->find(session.feed()->actuatorName());
        ModelPlanLink *link = session.modelPlan();
        QSignalSpy proposed(link, &ModelPlanLink::planProposed);
        QVERIFY(pump->setMode(std::make_unique<ModelPredictiveMode>(4000, false), operatorActor).isEmpty());
        QCOMPARE(card.controlText(), QStringLiteral("Model plan in control: waiting for its first plan"));
        QCOMPARE(card.applyButton()->text(), QStringLiteral("Take manual control at this rate..."));
        QVERIFY(card.applyButton()->isEnabled());

        // The plan's next change and its rate, within the pump's limits, refreshed as time goes on.
        QVERIFY(proposed.wait(15000));
        const FeedPlan plan = proposed.last().at(0).value<FeedPlan>();
        QTRY_COMPARE_WITH_TIMEOUT(card.controlText(), expectedControlText(link->status()), 3000);
        const ModelPlanStatus status = link->status();
        QVERIFY(status.followingPlan);
        bool fromThePlan = false;
        for (const auto &step : plan.steps)
            fromThePlan |= std::abs(std::clamp(step.second, 0.0, session.feed()->limits().maximum) -
                                    (status.nextChangeUtcMs ? status.nextRate : status.rate)) < 1e-9;
        QVERIFY(fromThePlan);

        // Take over: a question first; the click returns at once (nothing blocks) and nothing changed yet.
        QSignalSpy audited(pump, &ActuatorControl::audited);
        QTest::mouseClick(card.applyButton(), Qt::LeftButton);
        QMessageBox *question = card.manualControlQuestion();
        QVERIFY(question);
        QTRY_VERIFY_WITH_TIMEOUT(question->isVisible(), 2000);
        QVERIFY(
            question->text().contains(QString::number(session.prediction()->recommendedRateMlPerH(), 'f', 1) +
                                      QStringLiteral(" mL/h")));
        QCOMPARE(pump->modeKind(), ControlModeKind::ModelPredictive);
        QCOMPARE(audited.count(), 0);
        QTest::mouseClick(question->button(QMessageBox::Cancel), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!card.manualControlQuestion(), 2000);
        QCOMPARE(pump->modeKind(), ControlModeKind::ModelPredictive);
        QVERIFY(card.controlText().startsWith(QStringLiteral("Model plan in control")));

        QTest::mouseClick(card.applyButton(), Qt::LeftButton);
        question = card.manualControlQuestion();
        QVERIFY(question);
        QTest::mouseClick(question->button(QMessageBox::Yes), Qt::LeftButton);
        QCOMPARE(pump->modeKind(), ControlModeKind::Manual);
        QCOMPARE(session.feed()->targetRate(),
                 std::round(session.prediction()->recommendedRateMlPerH() * 10.0) / 10.0);
        QVERIFY(!audited.isEmpty());
        const AuditEntry modeChange = audited.first().at(0).value<AuditEntry>();
        QCOMPARE(modeChange.object, QStringLiteral("feed_pump.mode"));
        QCOMPARE(modeChange.user, operatorActor.user);
        QCOMPARE(modeChange.newValue, QStringLiteral("manual"));
        QVERIFY(modeChange.reason.startsWith(QStringLiteral("model recommendation: feed ")));
        QVERIFY2(card.statusText().startsWith(QStringLiteral("Applied")), qPrintable(card.statusText()));
        QVERIFY(card.controlText().isEmpty());
        QCOMPARE(card.applyButton()->text(), QStringLiteral("&Apply"));

        // A new culture (the simulator restarted): the old advice goes, nothing to apply until the next run.
        session.prediction()->resetModels();
        QVERIFY(card.recommendationText().startsWith(QStringLiteral("The models were reset")));
        QVERIFY(!card.applyButton()->isEnabled());

        QSignalSpy stopped(&session, &ReactorSession::stopped);
        session.shutdown();
        QVERIFY(stopped.wait(10000));
    }
};

QTEST_MAIN(TestRecommendationCard)
#include "tst_recommendation_card.moc"
