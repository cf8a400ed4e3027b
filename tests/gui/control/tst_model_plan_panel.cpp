// The model-plan section of ControlModePanel offscreen, on real control objects: choosing "Model plan" shows
// the re-plan interval and the confirmation option; a pending plan shows its rates and enables Confirm and
// Reject; a viewer's Confirm is refused below the widget (and audited); Reject keeps the rate; Confirm
// applies the plan through the FeedController.
#include "ActuatorBank.h"
#include "ControlModePanel.h"
#include "ControlSystem.h"
#include "ModelPredictiveMode.h"
#include "RunRecorder.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class TestModelPlanPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void pendingPlanIsShownAndDecidedBelowTheWidget()
    {
        QTemporaryDir dir;
        RunRecorder recorder(dir.filePath(QStringLiteral("r.rdrun")), {});
        recorder.start();
        ControlSystem control(&recorder, dir.filePath(QStringLiteral("u.sqlite")));
        QList<double> sent;
        ActuatorControl *pump = control.addActuator(
            QStringLiteral("feed_pump"), ActuatorLimits{0, 100, 0, QStringLiteral("mL/h"), 0},
            [&sent](double rate, std::function<void(bool, const QString &)> done) {
                sent.append(rate);
                done(true, {});
            },
            QStringLiteral("Feed pump"));
        ControlModePanel panel(pump, control.users());
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));

        auto *mode = panel.findChild<QComboBox *>();
        auto *interval = panel.findChild<QDoubleSpinBox *>(QStringLiteral("replanMinutes"));
        auto *confirmEach = panel.findChild<QCheckBox *>(QStringLiteral("confirmEachPlan"));
        auto *rates = panel.findChild<QLabel *>(QStringLiteral("planRates"));
        auto *confirm = panel.findChild<QPushButton *>(QStringLiteral("confirmPlan"));
        auto *reject = panel.findChild<QPushButton *>(QStringLiteral("rejectPlan"));
        QVERIFY(mode && interval && confirmEach && rates && confirm && reject);
        QVERIFY(!interval->isVisible());
        mode->setCurrentIndex(mode->findData(int(ControlModeKind::ModelPredictive)));
        QVERIFY(interval->isVisible() && confirmEach->isVisible());
        QVERIFY(confirmEach->isChecked());
        QVERIFY(!confirm->isEnabled() && !reject->isEnabled());

        control.users()->signInDemoOperator();
        interval->setValue(5);
        panel.applyMode();
        QVERIFY2(panel.lastError().isEmpty(), qPrintable(panel.lastError()));
        auto *model = dynamic_cast<ModelPredictiveMode *>(pump->mode());
        QVERIFY(model);
        QCOMPARE(model->replanIntervalMs(), qint64(5 * 60000));
        QVERIFY(model->requiresConfirmation());

        const qint64 now = control.clock()->nowMs();
        QVERIFY(pump->proposePlan({now, {{0.0, 12.5}, {2.0, 30.0}}, QStringLiteral("model test.json")})
                    .isEmpty());
        QVERIFY2(rates->text().contains(QStringLiteral("12.5 mL/h")) &&
                     rates->text().contains(QStringLiteral("+2 h: 30.0 mL/h")) &&
                     rates->text().contains(QStringLiteral("model test.json")),
                 qPrintable(rates->text()));
        QVERIFY(confirm->isEnabled() && reject->isEnabled());

        // A viewer may click, but the actuator refuses it and audits the refusal; nothing is sent.
        control.users()->signOut();
        QSignalSpy audited(pump, &ActuatorControl::audited);
        QTest::mouseClick(confirm, Qt::LeftButton);
        QVERIFY(!panel.lastError().isEmpty());
        QCOMPARE(audited.count(), 1);
        QVERIFY(audited.at(0).at(0).value<AuditEntry>().reason.startsWith(QStringLiteral("refused")));
        QVERIFY(model->hasPending());
        QVERIFY(sent.isEmpty());

        // Rejected by an operator: the plan is gone, the rate stays.
        control.users()->signInDemoOperator();
        QTest::mouseClick(reject, Qt::LeftButton);
        QVERIFY2(panel.lastError().isEmpty(), qPrintable(panel.lastError()));
        QVERIFY(!model->hasPending());
        QVERIFY(!confirm->isEnabled() && !reject->isEnabled());
        QVERIFY(sent.isEmpty());
        QCOMPARE(pump->feed()->targetRate(), 0.0);

        // The next plan, confirmed: applied through the FeedController.
        QVERIFY(
            pump->proposePlan(
                    {control.clock()->nowMs(), {{0.0, 18.0}, {2.0, 30.0}}, QStringLiteral("model test.json")})
                .isEmpty());
        QVERIFY(rates->text().contains(QStringLiteral("18.0 mL/h")));
        QTest::mouseClick(confirm, Qt::LeftButton);
        QVERIFY2(panel.lastError().isEmpty(), qPrintable(panel.lastError()));
        QCOMPARE(pump->feed()->targetRate(), 18.0);
        QCOMPARE(sent, QList<double>{18.0});
        QVERIFY(!confirm->isEnabled());
        QVERIFY(!rates->text().contains(QStringLiteral("18.0")));
        recorder.stop();
    }
};

QTEST_MAIN(TestModelPlanPanel)
#include "tst_model_plan_panel.moc"
