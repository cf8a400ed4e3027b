#include "FeedPanel.h"

#include "ActuatorControl.h"
#include "FeedController.h"

#include <QDateTime>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

FeedPanel::FeedPanel(ActuatorControl *feed, ActorSource actor, QWidget *parent)
    : QWidget(parent), m_feed(feed), m_actor(std::move(actor)), m_rate(new QDoubleSpinBox(this)),
      m_reason(new QLineEdit(this)), m_status(new QLabel(this)), m_history(new QListWidget(this))
{
    FeedController *controller = feed->feed();
    const ActuatorLimits limits = controller->limits();
    m_rate->setRange(limits.minimum, limits.maximum);
    m_rate->setDecimals(1);
    m_rate->setSuffix(QLatin1Char(' ') + limits.unit);
    m_rate->setValue(controller->commandedRate());
    m_reason->setPlaceholderText(tr("Why (recorded in the audit trail)"));
    auto *apply = new QPushButton(tr("&Set feed rate"), this);
    auto *form = new QFormLayout;
    form->addRow(tr("Feed pump rate:"), m_rate);
    form->addRow(tr("Reason:"), m_reason);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(apply);
    layout->addWidget(
        new QLabel(tr("Limits: %1 to %2 %3").arg(limits.minimum).arg(limits.maximum).arg(limits.unit), this));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    layout->addWidget(new QLabel(tr("Changes this session"), this));
    layout->addWidget(m_history, 1);

    connect(apply, &QPushButton::clicked, this, [this] { requestRate(m_rate->value(), m_reason->text()); });
    connect(controller, &FeedController::commandConfirmed, this, [this](double rate) {
        m_status->setText(tr("Pump confirmed %1 %2").arg(rate).arg(m_feed->feed()->limits().unit));
    });
    connect(controller, &FeedController::commandFailed, this, [this](double rate, const QString &why) {
        m_status->setText(tr("Pump refused %1: %2").arg(rate).arg(why));
    });
    connect(controller, &FeedController::audited, this, [this](const AuditEntry &entry) {
        const QString when =
            QDateTime::fromMSecsSinceEpoch(entry.timeMs).toLocalTime().toString(QStringLiteral("HH:mm:ss"));
        m_history->insertItem(
            0,
            tr("%1 %2: %3 -> %4 (%5)").arg(when, entry.user, entry.oldValue, entry.newValue, entry.reason));
    });
}

QString FeedPanel::requestRate(double rate, const QString &reason)
{
    const QString error = m_feed->setManualRate(rate, m_actor(), reason);
    m_status->setText(error.isEmpty()
                          ? tr("Sent %1 %2 to the pump...").arg(rate).arg(m_feed->feed()->limits().unit)
                          : error);
    return error;
}
