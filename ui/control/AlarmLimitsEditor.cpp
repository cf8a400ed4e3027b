#include "AlarmLimitsEditor.h"

#include "AlarmManager.h"
#include "DisplayUnit.h"
#include "OperatorText.h"
#include "UserSession.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>

namespace {
bool hasLevelLimit(const AlarmDefinition &d)
{
    return d.condition == AlarmCondition::HighLimit || d.condition == AlarmCondition::LowLimit;
}
} // namespace

AlarmLimitsEditor::AlarmLimitsEditor(AlarmManager *alarms, UserSession *users, QWidget *parent)
    : QWidget(parent), m_alarms(alarms), m_users(users), m_alarm(new QComboBox(this)),
      m_description(new QLabel(this)), m_limit(new QDoubleSpinBox(this)),
      m_deadband(new QDoubleSpinBox(this)), m_onDelay(new QDoubleSpinBox(this)),
      m_offDelay(new QDoubleSpinBox(this)), m_result(new QLabel(this))
{
    m_alarm->setObjectName(QStringLiteral("alarmChoice"));
    for (const AlarmStatus &status : alarms->statuses())
        if (hasLevelLimit(status.definition))
            m_alarm->addItem(status.definition.text, status.definition.id);
    m_limit->setRange(-1e9, 1e9);
    m_limit->setDecimals(3);
    m_deadband->setRange(0, 1e9);
    m_deadband->setDecimals(3);
    for (QDoubleSpinBox *delay : {m_onDelay, m_offDelay}) {
        delay->setRange(0, 24 * 3600);
        delay->setDecimals(1);
        delay->setSuffix(tr(" s"));
    }
    m_limit->setObjectName(QStringLiteral("alarmLimit"));
    m_deadband->setObjectName(QStringLiteral("alarmDeadband"));
    m_onDelay->setObjectName(QStringLiteral("alarmOnDelay"));
    m_offDelay->setObjectName(QStringLiteral("alarmOffDelay"));
    m_result->setObjectName(QStringLiteral("alarmResult"));
    m_result->setWordWrap(true);
    auto *applyButton = new QPushButton(tr("&Apply alarm settings"), this);
    applyButton->setObjectName(QStringLiteral("applyAlarm"));
    applyButton->setEnabled(m_alarm->count() > 0);
    connect(applyButton, &QPushButton::clicked, this, &AlarmLimitsEditor::apply);
    connect(m_alarm, &QComboBox::currentIndexChanged, this, &AlarmLimitsEditor::showSelected);

    auto *form = new QFormLayout(this);
    form->addRow(tr("Alarm:"), m_alarm);
    form->addRow(m_description);
    form->addRow(tr("Limit:"), m_limit);
    form->addRow(tr("Deadband:"), m_deadband);
    form->addRow(tr("On-delay:"), m_onDelay);
    form->addRow(tr("Off-delay:"), m_offDelay);
    form->addRow(applyButton);
    form->addRow(m_result);
    showSelected();
}

void AlarmLimitsEditor::showSelected()
{
    const QString id = m_alarm->currentData().toString();
    if (id.isEmpty()) {
        m_description->setText(tr("This station has no level alarms."));
        return;
    }
    const AlarmDefinition d = m_alarms->status(id).definition;
    const ChannelInfo channel = m_channels.value(d.channel, ChannelInfo{d.channel, {}, d.channel});
    const QString label = channel.label.isEmpty() ? d.channel : channel.label;
    m_description->setText(d.condition == AlarmCondition::HighLimit
                               ? tr("%1: raised when it rises above the limit.").arg(label)
                               : tr("%1: raised when it falls below the limit.").arg(label));
    const QString suffix =
        channel.unit.isEmpty() ? QString() : QLatin1Char(' ') + DisplayUnit::text(channel.unit);
    m_limit->setSuffix(suffix);
    m_deadband->setSuffix(suffix);
    m_limit->setValue(d.limit);
    m_deadband->setValue(d.deadband);
    m_onDelay->setValue(double(d.onDelayMs) / 1000.0);
    m_offDelay->setValue(double(d.offDelayMs) / 1000.0);
    m_result->clear();
}

void AlarmLimitsEditor::setChannels(const QList<ChannelInfo> &channels)
{
    m_channels.clear();
    for (const ChannelInfo &channel : channels)
        m_channels.insert(channel.name, channel);
    showSelected();
}

QString AlarmLimitsEditor::apply()
{
    const QString id = m_alarm->currentData().toString();
    if (id.isEmpty())
        return tr("No alarm selected.");
    LimitSettings settings;
    settings.limit = m_limit->value();
    settings.deadband = m_deadband->value();
    settings.onDelayMs = qRound64(m_onDelay->value() * 1000.0);
    settings.offDelayMs = qRound64(m_offDelay->value() * 1000.0);
    const QString error = m_alarms->changeLimit(id, settings, m_users->actor());
    if (error.isEmpty()) {
        showSelected();
        m_result->setText(tr("Applied."));
    } else {
        m_result->setText(tr("Refused: %1").arg(asSentence(error)));
    }
    return error;
}
