#include "RecommendationCard.h"

#include "ModelPlanLink.h"
#include "PredictionCoordinator.h"
#include "UserSession.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace {
QString clockTime(const QDateTime &time)
{
    return time.toString(QStringLiteral("HH:mm:ss"));
}

// Minutes are enough an hour ahead; a change within the next minutes (the simulator's fast plans) needs
// seconds.
QString changeTime(qint64 utcMs)
{
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(utcMs).toLocalTime();
    const qint64 aheadMs = utcMs - QDateTime::currentMSecsSinceEpoch();
    return time.toString(aheadMs < 10 * 60 * 1000 ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm"));
}
} // namespace

RecommendationCard::RecommendationCard(PredictionCoordinator *coordinator, ModelPlanLink *modelPlan,
                                       const UserSession *users, QWidget *parent)
    : QWidget(parent), m_coordinator(coordinator), m_modelPlan(modelPlan), m_users(users),
      m_text(new QLabel(this)), m_updated(new QLabel(this)), m_control(new QLabel(this)),
      m_status(new QLabel(this)), m_busy(new QProgressBar(this)), m_apply(new QPushButton(this))
{
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    QFont bold = m_text->font();
    bold.setBold(true);
    m_text->setFont(bold);
    m_text->setText(tr("Waiting for the first model run..."));
    // Two lines of advice stay readable however small the dock gets.
    m_text->setMinimumHeight(2 * m_text->fontMetrics().lineSpacing() + 4);
    m_control->setWordWrap(true);
    m_control->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_busy->setRange(0, 0); // indeterminate: the models are running
    m_busy->setMaximumHeight(6);
    m_busy->setTextVisible(false);
    m_busy->setVisible(coordinator->isBusy());
    m_apply->setEnabled(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addWidget(m_control);
    auto *row = new QHBoxLayout;
    row->addWidget(m_updated, 1);
    row->addWidget(m_apply);
    layout->addLayout(row);
    layout->addWidget(m_busy);
    layout->addWidget(m_status);
    layout->addStretch(1);

    connect(coordinator, &PredictionCoordinator::recommendationReady, this,
            &RecommendationCard::showRecommendation);
    connect(coordinator, &PredictionCoordinator::modelsReset, this, &RecommendationCard::showModelsReset);
    connect(coordinator, &PredictionCoordinator::busyChanged, m_busy, &QWidget::setVisible);
    connect(coordinator, &PredictionCoordinator::failed, this,
            [this](const QString &error) { m_status->setText(tr("Model run failed: %1").arg(error)); });
    connect(m_apply, &QPushButton::clicked, this, &RecommendationCard::requestApply);
    if (modelPlan)
        connect(modelPlan, &ModelPlanLink::statusChanged, this, &RecommendationCard::updateControl);
    m_controlRefresh.setInterval(1000);
    connect(&m_controlRefresh, &QTimer::timeout, this, &RecommendationCard::updateControl);
    updateControl();
}

bool RecommendationCard::modelInControl() const
{
    return m_modelPlan && m_modelPlan->status().inControl;
}

void RecommendationCard::updateControl()
{
    const ModelPlanStatus plan = m_modelPlan ? m_modelPlan->status() : ModelPlanStatus{};
    m_control->setVisible(plan.inControl);
    if (plan.inControl)
        m_controlRefresh.start();
    else
        m_controlRefresh.stop();
    if (plan.inControl) {
        QString what;
        if (plan.stale)
            what = tr("no current plan, holding the present rate");
        else if (plan.waitingForConfirmation && !plan.followingPlan)
            what = tr("a plan waits for confirmation in the Control dock");
        else if (!plan.followingPlan)
            what = tr("waiting for its first plan");
        else if (plan.nextChangeUtcMs)
            what = tr("next change at %1, %2 %3")
                       .arg(changeTime(*plan.nextChangeUtcMs))
                       .arg(plan.nextRate, 0, 'f', 1)
                       .arg(plan.unit);
        else
            what = tr("%1 %2 until the next plan").arg(plan.rate, 0, 'f', 1).arg(plan.unit);
        m_control->setText(tr("Model plan in control: %1").arg(what));
    } else {
        m_control->clear();
    }
    m_apply->setText(plan.inControl ? tr("Take manual control at this rate...") : tr("&Apply"));
    m_apply->setToolTip(
        plan.inControl
            ? tr("The model plan drives the feed pump. This switches the pump to manual at the recommended "
                 "rate (asks first; checked against its limits, audited).")
            : tr("Set the feed pump to the recommended rate (checked against its limits, audited)."));
    if (m_question && !plan.inControl)
        m_question->close(); // the model handed over meanwhile: nothing left to take over
}

void RecommendationCard::showRecommendation(const QString &text, double, double)
{
    m_text->setText(text);
    m_updated->setText(tr("updated %1").arg(clockTime(QDateTime::currentDateTime())));
    m_apply->setEnabled(true);
    if (m_question) // the rate asked about is the one applied
        m_question->setText(manualControlQuestionText());
}

void RecommendationCard::showModelsReset()
{
    m_text->setText(tr("The models were reset for a new culture; waiting for their first run..."));
    m_updated->clear();
    m_apply->setEnabled(false);
    if (m_question)
        m_question->close();
}

QString RecommendationCard::manualControlQuestionText() const
{
    return tr("The model plan controls the feed pump. Switch the pump to manual control at %1 mL/h?\n"
              "The model plan stops until it is chosen again in the Control dock.")
        .arg(m_coordinator->recommendedRateMlPerH(), 0, 'f', 1);
}

void RecommendationCard::requestApply()
{
    if (!modelInControl()) {
        apply();
        return;
    }
    if (m_question) {
        m_question->raise();
        return;
    }
    // Non-blocking: open() returns at once and the answer comes back as a signal.
    m_question = new QMessageBox(QMessageBox::Question, tr("Take manual control"),
                                 manualControlQuestionText(), QMessageBox::Yes | QMessageBox::Cancel, this);
    m_question->setAttribute(Qt::WA_DeleteOnClose);
    m_question->button(QMessageBox::Yes)->setText(tr("Take manual control"));
    m_question->setDefaultButton(QMessageBox::Cancel);
    connect(m_question, &QMessageBox::buttonClicked, this, [this](QAbstractButton *button) {
        if (m_question->standardButton(button) == QMessageBox::Yes)
            apply();
    });
    m_question->open();
}

void RecommendationCard::apply()
{
    const Actor actor = m_users->actor();
    const QString error = m_coordinator->applyRecommendation(actor);
    m_status->setText(error.isEmpty() ? tr("Applied %1 mL/h at %2")
                                            .arg(m_coordinator->recommendedRateMlPerH(), 0, 'f', 1)
                                            .arg(clockTime(QDateTime::currentDateTime()))
                                      : tr("Not applied: %1").arg(error));
}

QString RecommendationCard::recommendationText() const
{
    return m_text->text();
}

QString RecommendationCard::statusText() const
{
    return m_status->text();
}

QString RecommendationCard::controlText() const
{
    return m_control->text();
}

bool RecommendationCard::busyShown() const
{
    return !m_busy->isHidden();
}
