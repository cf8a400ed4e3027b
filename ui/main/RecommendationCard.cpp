#include "RecommendationCard.h"

#include "PredictionCoordinator.h"
#include "UserSession.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

RecommendationCard::RecommendationCard(PredictionCoordinator *coordinator, const UserSession *users,
                                       QWidget *parent)
    : QWidget(parent), m_coordinator(coordinator), m_users(users), m_text(new QLabel(this)),
      m_updated(new QLabel(this)), m_status(new QLabel(this)), m_busy(new QProgressBar(this)),
      m_apply(new QPushButton(tr("&Apply"), this))
{
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    QFont bold = m_text->font();
    bold.setBold(true);
    m_text->setFont(bold);
    m_text->setText(tr("Waiting for the first model run..."));
    // Two lines of advice stay readable however small the dock gets.
    m_text->setMinimumHeight(2 * m_text->fontMetrics().lineSpacing() + 4);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_busy->setRange(0, 0); // indeterminate: the models are running
    m_busy->setMaximumHeight(6);
    m_busy->setTextVisible(false);
    m_busy->setVisible(coordinator->isBusy());
    m_apply->setEnabled(false);
    m_apply->setToolTip(
        tr("Set the feed pump to the recommended rate (checked against its limits, audited)."));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    auto *row = new QHBoxLayout;
    row->addWidget(m_updated, 1);
    row->addWidget(m_apply);
    layout->addLayout(row);
    layout->addWidget(m_busy);
    layout->addWidget(m_status);
    layout->addStretch(1);

    connect(coordinator, &PredictionCoordinator::recommendationReady, this,
            &RecommendationCard::showRecommendation);
    connect(coordinator, &PredictionCoordinator::busyChanged, m_busy, &QWidget::setVisible);
    connect(coordinator, &PredictionCoordinator::failed, this,
            [this](const QString &error) { m_status->setText(tr("Model run failed: %1").arg(error)); });
    connect(m_apply, &QPushButton::clicked, this, &RecommendationCard::apply);
}

void RecommendationCard::showRecommendation(const QString &text, double, double)
{
    m_text->setText(text);
    m_updated->setText(
        tr("updated %1").arg(QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss"))));
    m_apply->setEnabled(true);
}

void RecommendationCard::apply()
{
    const Actor actor = m_users->actor();
    const QString error = m_coordinator->applyRecommendation(actor);
    m_status->setText(error.isEmpty()
                          ? tr("Applied %1 mL/h at %2")
                                .arg(m_coordinator->recommendedRateMlPerH(), 0, 'f', 1)
                                .arg(QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss")))
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

bool RecommendationCard::busyShown() const
{
    return !m_busy->isHidden();
}
