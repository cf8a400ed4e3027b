#include "ActuatorLimitsEditor.h"

#include "ActuatorBank.h"
#include "ActuatorControl.h"
#include "FeedController.h"
#include "OperatorText.h"
#include "UserSession.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

ActuatorLimitsEditor::ActuatorLimitsEditor(ActuatorBank *actuators, UserSession *users, QWidget *parent)
    : QWidget(parent), m_actuators(actuators), m_users(users), m_actuator(new QComboBox(this)),
      m_hardRange(new QLabel(this)), m_minimum(new QDoubleSpinBox(this)), m_maximum(new QDoubleSpinBox(this)),
      m_safe(new QDoubleSpinBox(this)), m_maxChange(new QDoubleSpinBox(this)), m_reason(new QLineEdit(this)),
      m_result(new QLabel(this))
{
    m_actuator->setObjectName(QStringLiteral("actuatorChoice"));
    for (ActuatorControl *actuator : actuators->actuators())
        m_actuator->addItem(actuatorTitle(actuator->name()), actuator->name());
    // The spin boxes accept anything finite: the controller, not the widget, decides what is allowed, so an
    // out-of-range entry gets the controller's explanation instead of being silently clamped.
    const double big = 1e9;
    for (QDoubleSpinBox *box : {m_minimum, m_maximum, m_safe, m_maxChange}) {
        box->setRange(-big, big);
        box->setDecimals(3);
    }
    m_maxChange->setMinimum(0);
    m_maxChange->setSpecialValueText(tr("no limit"));
    m_minimum->setObjectName(QStringLiteral("limitMinimum"));
    m_maximum->setObjectName(QStringLiteral("limitMaximum"));
    m_safe->setObjectName(QStringLiteral("limitSafe"));
    m_maxChange->setObjectName(QStringLiteral("limitMaxChange"));
    m_reason->setObjectName(QStringLiteral("limitReason"));
    m_reason->setPlaceholderText(tr("Why (recorded in the audit trail)"));
    m_result->setObjectName(QStringLiteral("limitResult"));
    m_result->setWordWrap(true);
    auto *applyButton = new QPushButton(tr("&Apply limits"), this);
    applyButton->setObjectName(QStringLiteral("applyLimits"));
    applyButton->setEnabled(false);
    connect(m_reason, &QLineEdit::textChanged, applyButton,
            [applyButton](const QString &text) { applyButton->setEnabled(!text.trimmed().isEmpty()); });
    connect(applyButton, &QPushButton::clicked, this, &ActuatorLimitsEditor::apply);
    connect(m_actuator, &QComboBox::currentIndexChanged, this, &ActuatorLimitsEditor::showSelected);

    auto *form = new QFormLayout(this);
    form->addRow(tr("Actuator:"), m_actuator);
    form->addRow(tr("Station's hard range:"), m_hardRange);
    form->addRow(tr("Minimum:"), m_minimum);
    form->addRow(tr("Maximum:"), m_maximum);
    form->addRow(tr("Safe value:"), m_safe);
    form->addRow(tr("Largest change per second:"), m_maxChange);
    form->addRow(tr("Reason:"), m_reason);
    form->addRow(applyButton);
    form->addRow(m_result);
    showSelected();
}

ActuatorControl *ActuatorLimitsEditor::selected() const
{
    return m_actuators->find(m_actuator->currentData().toString());
}

void ActuatorLimitsEditor::showSelected()
{
    ActuatorControl *actuator = selected();
    if (!actuator)
        return;
    const ActuatorLimits limits = actuator->feed()->limits();
    const ActuatorLimits hard = actuator->feed()->hardLimits();
    m_hardRange->setText(hard.maxChangePerSecond > 0
                             ? tr("%1 to %2 %3, at most %4 %3/s")
                                   .arg(hard.minimum)
                                   .arg(hard.maximum)
                                   .arg(hard.unit)
                                   .arg(hard.maxChangePerSecond)
                             : tr("%1 to %2 %3").arg(hard.minimum).arg(hard.maximum).arg(hard.unit));
    for (QDoubleSpinBox *box : {m_minimum, m_maximum, m_safe})
        box->setSuffix(QLatin1Char(' ') + limits.unit);
    m_maxChange->setSuffix(QLatin1Char(' ') + limits.unit + tr("/s"));
    m_minimum->setValue(limits.minimum);
    m_maximum->setValue(limits.maximum);
    m_safe->setValue(limits.safeValue);
    m_maxChange->setValue(limits.maxChangePerSecond);
    m_result->clear();
}

QString ActuatorLimitsEditor::apply()
{
    ActuatorControl *actuator = selected();
    if (!actuator)
        return tr("No actuator selected.");
    ActuatorLimits limits = actuator->feed()->limits();
    limits.minimum = m_minimum->value();
    limits.maximum = m_maximum->value();
    limits.safeValue = m_safe->value();
    limits.maxChangePerSecond = m_maxChange->value();
    const QString error =
        actuator->feed()->changeLimits(limits, m_users->actor(), m_reason->text().trimmed());
    if (error.isEmpty()) {
        showSelected();
        m_reason->clear();
        m_result->setText(tr("Applied."));
    } else {
        m_result->setText(tr("Refused: %1").arg(operatorMessage(error, {actuator->name()})));
    }
    return error;
}
