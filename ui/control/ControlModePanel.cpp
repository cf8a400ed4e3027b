#include "ControlModePanel.h"

#include "ActuatorControl.h"
#include "ChemostatLevelControl.h"
#include "ChemostatMode.h"
#include "DisplayUnit.h"
#include "DurationText.h"
#include "FedBatchMode.h"
#include "FedBatchProfileForm.h"
#include "FormFields.h"
#include "ManualMode.h"
#include "ModeStatusText.h"
#include "ModelPredictiveMode.h"
#include "OperatorText.h"
#include "PidMode.h"
#include "UserSession.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

ControlModePanel::ControlModePanel(ActuatorControl *actuator, UserSession *users, QWidget *parent)
    : QWidget(parent), m_actuator(actuator), m_users(users), m_mode(new QComboBox(this)),
      m_pages(new QStackedWidget(this)), m_status(new QLabel(this)), m_message(new QLabel(this))
{
    m_mode->setObjectName(QStringLiteral("mode"));
    m_mode->addItem(tr("Manual"), int(ControlModeKind::Manual));
    m_mode->addItem(tr("Chemostat (F = D x V)"), int(ControlModeKind::Chemostat));
    m_mode->addItem(tr("Fed-batch profile"), int(ControlModeKind::FedBatch));
    m_mode->addItem(tr("PID"), int(ControlModeKind::Pid));
    m_mode->addItem(tr("Model plan"), int(ControlModeKind::ModelPredictive));
    m_pages->addWidget(manualPage());
    m_pages->addWidget(chemostatPage());
    m_pages->addWidget(fedBatchPage());
    m_pages->addWidget(pidPage());
    m_pages->addWidget(modelPage());
    connect(m_mode, &QComboBox::currentIndexChanged, this, &ControlModePanel::showPage);
    showPage(m_mode->currentIndex());

    auto *apply = new QPushButton(tr("Apply mode"), this);
    connect(apply, &QPushButton::clicked, this, &ControlModePanel::applyMode);
    m_message->setWordWrap(true);
    m_status->setWordWrap(true);

    // The station names actuators by id (feed_pump); the operator reads "Feed pump".
    auto *box = new QGroupBox(actuatorTitle(actuator->name()), this);
    auto *inner = new QVBoxLayout(box);
    auto *top = new QHBoxLayout;
    top->addWidget(m_mode);
    top->addWidget(apply);
    inner->addLayout(top);
    inner->addWidget(m_pages);
    inner->addWidget(m_status);
    inner->addWidget(m_message);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(box);

    FeedController *feed = actuator->feed();
    connect(actuator, &ActuatorControl::modeChanged, this, &ControlModePanel::updateStatus);
    connect(feed, &FeedController::commandSent, this, &ControlModePanel::updateStatus);
    connect(feed, &FeedController::inhibitChanged, this, &ControlModePanel::updateStatus);
    connect(actuator, &ActuatorControl::planPending, this, [this] {
        report(tr("A model plan waits for confirmation."));
        updatePlanView();
    });
    connect(actuator, &ActuatorControl::modeChanged, this, &ControlModePanel::updatePlanView);
    updateStatus();
    updatePlanView();
}

void ControlModePanel::showPage(int index)
{
    // A stacked widget is as tall as its tallest page; only the page shown should count, so the short
    // pages (manual, PID) do not leave a gap the height of the fed-batch form.
    for (int i = 0; i < m_pages->count(); ++i)
        m_pages->widget(i)->setSizePolicy(QSizePolicy::Preferred,
                                          i == index ? QSizePolicy::Preferred : QSizePolicy::Ignored);
    m_pages->setCurrentIndex(index);
    m_pages->adjustSize();
}

QWidget *ControlModePanel::manualPage()
{
    const ActuatorLimits limits = m_actuator->feed()->limits();
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    // The box allows more than the limits on purpose: the limit check belongs to FeedController, which says
    // why.
    m_manualRate =
        makeSpinBox(this, -1e6, 1e6, m_actuator->feed()->commandedRate(), 2, QLatin1Char(' ') + limits.unit);
    m_manualRate->setObjectName(QStringLiteral("manualRate"));
    form->addRow(tr("Rate (%1 to %2 %3):").arg(limits.minimum).arg(limits.maximum).arg(limits.unit),
                 m_manualRate);
    return page;
}

QWidget *ControlModePanel::chemostatPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_dilution = makeSpinBox(this, 0.0, 2.0, 0.1, 4, tr(" 1/h"));
    m_dilution->setObjectName(QStringLiteral("dilution"));
    m_dilution->setToolTip(tr("Feed per culture volume and hour: the feed runs at F = D x V."));
    form->addRow(tr("Dilution rate D:"), m_dilution);
    // Shown once a harvest pump is known (setHarvestActuator).
    m_levelRows = new QWidget(page);
    auto *levelForm = new QFormLayout(m_levelRows);
    levelForm->setContentsMargins(0, 0, 0, 0);
    m_levelNote = new QLabel(m_levelRows);
    m_levelNote->setWordWrap(true);
    m_volumeSetpoint = makeSpinBox(this, 1, 1e6, 1000, 0, tr(" mL"));
    m_volumeSetpoint->setObjectName(QStringLiteral("volumeSetpoint"));
    m_levelGain = makeSpinBox(this, 0.01, 100, 1.0, 2, tr(" 1/h"));
    m_levelGain->setObjectName(QStringLiteral("levelGain"));
    m_volumeSetpoint->setToolTip(tr("The culture volume the harvest pump holds."));
    m_levelGain->setToolTip(
        tr("How fast the harvest corrects a volume error: at 1/h it fades in about an hour."));
    levelForm->addRow(m_levelNote);
    levelForm->addRow(tr("Volume setpoint:"), m_volumeSetpoint);
    levelForm->addRow(tr("Level gain:"), m_levelGain);
    m_levelRows->setVisible(false);
    form->addRow(m_levelRows);
    return page;
}

void ControlModePanel::setHarvestActuator(ActuatorControl *harvest)
{
    m_harvest = harvest;
    m_levelRows->setVisible(harvest != nullptr);
    if (harvest)
        m_levelNote->setText(tr("%1 holds the volume: harvest = inflow + gain x (V - setpoint).")
                                 .arg(actuatorTitle(harvest->name())));
}

QWidget *ControlModePanel::fedBatchPage()
{
    m_fedBatch = new FedBatchProfileForm(m_actuator->feed()->limits().unit, this);
    connect(m_fedBatch, &FedBatchProfileForm::profileCommand, this,
            [this](ActuatorControl::ProfileCommand command) {
                report(m_actuator->commandProfile(command, m_users->actor()));
            });
    // Rows shown or hidden change the page's height: refit the stack to it.
    connect(m_fedBatch, &FedBatchProfileForm::rowsChanged, this,
            [this] { showPage(m_pages->currentIndex()); });
    return m_fedBatch;
}

QWidget *ControlModePanel::pidPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    // Filled by setChannels and setPidChannel; the item data is the channel id.
    m_pidChannel = new QComboBox(page);
    m_pidChannel->setObjectName(QStringLiteral("pidChannel"));
    m_pidChannel->setToolTip(tr("The measurement this loop holds at the setpoint."));
    m_setpoint = makeSpinBox(this, -1e6, 1e6, 2.0, 3);
    m_setpoint->setObjectName(QStringLiteral("setpoint"));
    m_kp = makeSpinBox(this, -1e6, 1e6, 5.0, 4);
    m_kp->setObjectName(QStringLiteral("kp"));
    m_kp->setToolTip(tr("Proportional gain: the change of output for each unit of error."));
    m_ki = makeSpinBox(this, -1e6, 1e6, 0.01, 5);
    m_ki->setToolTip(tr("Integral gain per second: how fast a lasting error is worked off."));
    m_kd = makeSpinBox(this, -1e6, 1e6, 0.0, 4);
    m_kd->setToolTip(tr("Derivative time, on the filtered measurement; 0 for none."));
    m_kpLabel = new QLabel(page);
    form->addRow(tr("Measured channel:"), m_pidChannel);
    form->addRow(tr("Setpoint:"), m_setpoint);
    form->addRow(m_kpLabel, m_kp);
    form->addRow(tr("Ki [1/s]:"), m_ki);
    form->addRow(tr("Kd [s]:"), m_kd);
    connect(m_pidChannel, &QComboBox::currentIndexChanged, this, &ControlModePanel::updatePidUnits);
    updatePidUnits();
    auto *setpoint = new QPushButton(tr("Change setpoint only"), page);
    connect(setpoint, &QPushButton::clicked, this,
            [this] { report(m_actuator->setSetpoint(m_setpoint->value(), m_users->actor())); });
    form->addRow(setpoint);
    return page;
}

void ControlModePanel::updatePidUnits()
{
    // The setpoint is in the measured channel's unit, the gain in the actuator's unit per that unit.
    const QString id = m_pidChannel->currentData().toString();
    const ChannelInfo channel = m_channels.value(id, ChannelInfo{id, {}, id});
    const QString unit = channel.unit.isEmpty() ? channel.label : DisplayUnit::text(channel.unit);
    m_setpoint->setSuffix(channel.unit.isEmpty() ? QString() : QLatin1Char(' ') + unit);
    m_kpLabel->setText(unit.isEmpty() ? tr("Kp:")
                                      : tr("Kp [%1 per %2]:").arg(m_actuator->feed()->limits().unit, unit));
}

QWidget *ControlModePanel::modelPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_confirm = new QCheckBox(tr("Each change waits for my confirmation"), page);
    m_confirm->setObjectName(QStringLiteral("confirmEachPlan"));
    m_confirm->setChecked(true);
    m_replanMinutes = makeSpinBox(this, 1, 24 * 60, 15, 0, tr(" min"));
    m_replanMinutes->setObjectName(QStringLiteral("replanMinutes"));
    m_replanMinutes->setToolTip(tr("How often the model is asked for a new feed plan. Without a new plan for "
                                   "three intervals the feed holds its rate and an alarm is raised."));
    form->addRow(m_confirm);
    form->addRow(tr("Re-plan every:"), m_replanMinutes);
    m_planView = new QLabel(page);
    m_planView->setObjectName(QStringLiteral("planRates"));
    m_planView->setWordWrap(true);
    m_planView->setTextFormat(Qt::PlainText);
    form->addRow(m_planView);
    // Enabled for whoever is signed in while a plan waits: the role check is ActuatorControl's, which
    // refuses (and audits) a viewer's click.
    m_confirmPlan = new QPushButton(tr("Confirm plan"), page);
    m_confirmPlan->setObjectName(QStringLiteral("confirmPlan"));
    m_rejectPlan = new QPushButton(tr("Reject plan"), page);
    m_rejectPlan->setObjectName(QStringLiteral("rejectPlan"));
    connect(m_confirmPlan, &QPushButton::clicked, this, [this] {
        report(m_actuator->confirmPlan(m_users->actor()));
        updatePlanView();
    });
    connect(m_rejectPlan, &QPushButton::clicked, this, [this] {
        report(m_actuator->rejectPlan(m_users->actor()));
        updatePlanView();
    });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_confirmPlan);
    buttons->addWidget(m_rejectPlan);
    form->addRow(buttons);
    return page;
}

void ControlModePanel::updatePlanView()
{
    const auto *model = dynamic_cast<const ModelPredictiveMode *>(m_actuator->mode());
    const std::optional<FeedPlan> pending = model ? model->pending() : std::nullopt;
    m_confirmPlan->setEnabled(pending.has_value());
    m_rejectPlan->setEnabled(pending.has_value());
    if (!model) {
        m_planView->setText(tr("Not in model-plan mode."));
        return;
    }
    if (!pending) {
        m_planView->setText(model->requiresConfirmation() ? tr("No plan waiting for confirmation.")
                                                          : tr("Plans are applied as they come."));
        return;
    }
    QStringList steps;
    for (const auto &[offsetHours, rate] : pending->steps)
        steps << tr("+%1: %2 %3")
                     .arg(durationText(offsetHours))
                     .arg(rate, 0, 'f', 1)
                     .arg(m_actuator->feed()->limits().unit);
    m_planView->setText(
        tr("Plan waiting for confirmation (%1):\n%2").arg(pending->source, steps.join(QLatin1Char('\n'))));
}

void ControlModePanel::applyMode()
{
    const Actor actor = m_users->actor();
    switch (ControlModeKind(m_mode->currentData().toInt())) {
    case ControlModeKind::Manual:
        report(m_actuator->setManualRate(m_manualRate->value(), actor, tr("manual rate from the panel")));
        return;
    case ControlModeKind::Chemostat:
        if (m_harvest) {
            ChemostatSettings settings;
            settings.dilutionPerHour = m_dilution->value();
            settings.volumeSetpointMl = m_volumeSetpoint->value();
            settings.levelGainPerHour = m_levelGain->value();
            report(ChemostatLevelControl::start(m_actuator, m_harvest, settings, actor));
        } else {
            report(m_actuator->setMode(std::make_unique<ChemostatMode>(m_dilution->value()), actor));
        }
        return;
    case ControlModeKind::FedBatch:
        report(m_actuator->setMode(std::make_unique<FedBatchMode>(m_fedBatch->profile()), actor));
        return;
    case ControlModeKind::Pid: {
        const QString channel = m_pidChannel->currentData().toString();
        if (channel.isEmpty()) {
            report(tr("Choose the channel the PID loop measures."));
            return;
        }
        PidTuning tuning;
        tuning.kp = m_kp->value();
        tuning.ki = m_ki->value();
        tuning.kd = m_kd->value();
        tuning.outputMinimum = m_actuator->feed()->limits().minimum;
        tuning.outputMaximum = m_actuator->feed()->limits().maximum;
        report(m_actuator->setMode(std::make_unique<PidMode>(channel, m_setpoint->value(), tuning), actor));
        return;
    }
    case ControlModeKind::ModelPredictive:
        report(m_actuator->setMode(std::make_unique<ModelPredictiveMode>(
                                       qint64(m_replanMinutes->value() * 60000), m_confirm->isChecked()),
                                   actor));
        return;
    case ControlModeKind::Level: // not offered in the list: it starts with a chemostat on the feed pump
        return;
    }
}

void ControlModePanel::setPidTuning(const PidTuning &tuning)
{
    m_kp->setValue(tuning.kp);
    m_ki->setValue(tuning.ki);
    m_kd->setValue(tuning.kd);
}

void ControlModePanel::setChannels(const QList<ChannelInfo> &channels)
{
    const QString chosen = m_pidChannel->currentData().toString();
    m_channels.clear();
    {
        const QSignalBlocker quiet(m_pidChannel);
        m_pidChannel->clear();
        for (const ChannelInfo &channel : channels) {
            m_channels.insert(channel.name, channel);
            m_pidChannel->addItem(channelTitle(channel), channel.name);
        }
    }
    setPidChannel(chosen);
    updatePidUnits();
    updateStatus();
}

void ControlModePanel::setPidChannel(const QString &channel)
{
    if (channel.isEmpty())
        return;
    int index = m_pidChannel->findData(channel);
    if (index < 0) {
        m_pidChannel->addItem(channelTitle(m_channels.value(channel, ChannelInfo{channel, {}, {}})), channel);
        index = m_pidChannel->count() - 1;
    }
    m_pidChannel->setCurrentIndex(index);
}

void ControlModePanel::report(const QString &error)
{
    m_lastError = error;
    // The control layer's texts name actuators by id and start in lower case (they also go to the audit
    // trail); the operator reads them as sentences naming the pumps.
    QStringList actuators{m_actuator->name()};
    if (m_harvest)
        actuators << m_harvest->name();
    m_message->setText(operatorMessage(error, actuators));
    m_message->setStyleSheet(error.isEmpty() ? QString() : QStringLiteral("color:#b00020"));
    updateStatus();
}

void ControlModePanel::updateStatus()
{
    const FeedController *feed = m_actuator->feed();
    const QString unit = feed->limits().unit;
    QString text = modeStatusText(*m_actuator->mode(), m_channels) + QLatin1Char(' ');
    text += feed->targetRate() != feed->commandedRate()
                ? tr("Commanded %1 %2, ramping to %3 %2.")
                      .arg(feed->commandedRate())
                      .arg(unit)
                      .arg(feed->targetRate())
                : tr("Commanded %1 %2.").arg(feed->commandedRate()).arg(unit);
    if (feed->isInhibited())
        text += QLatin1Char(' ') + tr("HELD IN SAFE STATE: %1").arg(asSentence(feed->inhibitReason()));
    m_status->setText(text);
}
