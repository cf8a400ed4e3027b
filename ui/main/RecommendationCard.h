#pragma once
// The model's feed recommendation as a small card: the one-line advice ("feed 21.4 mL/h for the next 2 h: +6
// % product by 150 h"), when it was last updated, a busy indicator while the models run, and an Apply button
// that sends the rate through the session's FeedController as the signed-in user (the same path, limits and
// audit as a manual change). The outcome of Apply (accepted or why it was refused) is shown on the card.
//
// While the feed pump runs the model plan the card says so ("Model plan in control: next change at 14:05,
// 42.3 mL/h") and Apply becomes "Take manual control at this rate...": applying would end the model plan, so
// it asks first (a non-blocking message box). It stays usable rather than disabled because an operator who
// disagrees with the model expects to take over from the card they are reading; a disabled button would send
// them looking for the Control dock at the moment they want to act.
#include <QMessageBox>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class ModelPlanLink;
class PredictionCoordinator;
class QLabel;
class QProgressBar;
class QPushButton;
class UserSession;

class RecommendationCard : public QWidget
{
    Q_OBJECT
public:
    // modelPlan may be null (a station without a feed pump): the card then never shows a model in control.
    RecommendationCard(PredictionCoordinator *coordinator, ModelPlanLink *modelPlan, const UserSession *users,
                       QWidget *parent = nullptr);

    QString recommendationText() const;
    QString statusText() const;
    // "Model plan in control: ..." while the model plan drives the pump, empty otherwise.
    QString controlText() const;
    QPushButton *applyButton() const { return m_apply; }
    // The open "take manual control?" question, if any.
    QMessageBox *manualControlQuestion() const { return m_question; }
    bool busyShown() const;

    // Apply as clicked: asks first while the model plan is in control.
    void requestApply();
    void apply();

private:
    void showRecommendation(const QString &text, double rateMlPerH, double forHours);
    void showModelsReset();
    void updateControl();
    bool modelInControl() const;
    QString manualControlQuestionText() const;

    PredictionCoordinator *m_coordinator;
    ModelPlanLink *m_modelPlan;
    const UserSession *m_users;
    QLabel *m_text;
    QLabel *m_updated;
    QLabel *m_control;
    QLabel *m_status;
    QProgressBar *m_busy;
    QPushButton *m_apply;
    QPointer<QMessageBox> m_question;
    QTimer m_controlRefresh; // the next change comes closer: refresh the line while the model is in control
};
