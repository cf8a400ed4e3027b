#include "ControlModePanel.h"

#include "ActuatorControl.h"
#include "ChemostatLevelControl.h"
#include "ChemostatMode.h"
#include "DurationText.h"
#include "FedBatchMode.h"
#include "ManualMode.h"
#include "ModelPredictiveMode.h"
#include "PidMode.h"
#include "UserSession.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
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
    // A stacked widget is as tall as its tallest page; only the page shown should count, so the short
    // pages (manual, PID) do not leave a gap the height of the fed-batch form.
    auto showPage = [this](int index) {
        for (int i = 0; i < m_pages->count(); ++i)
            m_pages->widget(i)->setSizePolicy(QSizePolicy::Preferred,
                                              i == index ? QSizePolicy::Preferred : QSizePolicy::Ignored);
        m_pages->setCurrentIndex(index);
        m_pages->adjustSize();
    };
    connect(m_mode, &QComboBox::currentIndexChanged, this, showPage);
    showPage(m_mode->currentIndex());

    auto *apply = new QPushButton(tr("Apply mode"), this);
    connect(apply, &QPushButton::clicked, this, &ControlModePanel::applyMode);
    m_message->setWordWrap(true);

    // The station names actuators by id (feed_pump); the operator reads "Feed pump".
    QString title = actuator->name();
    title.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!title.isEmpty())
        title[0] = title[0].toUpper();
    auto *box = new QGroupBox(title, this);
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

QDoubleSpinBox *ControlModePanel::spin(double minimum, double maximum, double value, int decimals,
                                       const QString &suffix)
{
    auto *box = new QDoubleSpinBox(this);
    box->setRange(minimum, maximum);
    box->setDecimals(decimals);
    box->setValue(value);
    box->setSuffix(suffix);
    return box;
}

QWidget *ControlModePanel::manualPage()
{
    const ActuatorLimits limits = m_actuator->feed()->limits();
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    // The box allows more than the limits on purpose: the limit check belongs to FeedController, which says
    // why.
    m_manualRate = spin(-1e6, 1e6, m_actuator->feed()->commandedRate(), 2, QLatin1Char(' ') + limits.unit);
    m_manualRate->setObjectName(QStringLiteral("manualRate"));
    form->addRow(tr("Rate (%1 to %2):").arg(limits.minimum).arg(limits.maximum), m_manualRate);
    return page;
}

QWidget *ControlModePanel::chemostatPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_dilution = spin(0.0, 2.0, 0.1, 4, tr(" 1/h"));
    m_dilution->setObjectName(QStringLiteral("dilution"));
    form->addRow(tr("Dilution rate D:"), m_dilution);
    // Shown once a harvest pump is known (setHarvestActuator).
    m_levelRows = new QWidget(page);
    auto *levelForm = new QFormLayout(m_levelRows);
    levelForm->setContentsMargins(0, 0, 0, 0);
    m_levelNote = new QLabel(m_levelRows);
    m_levelNote->setWordWrap(true);
    m_volumeSetpoint = spin(1, 1e6, 1000, 0, tr(" mL"));
    m_volumeSetpoint->setObjectName(QStringLiteral("volumeSetpoint"));
    m_levelGain = spin(0.01, 100, 1.0, 2, tr(" 1/h"));
    m_levelGain->setObjectName(QStringLiteral("levelGain"));
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
        m_levelNote->setText(
            tr("%1 holds the volume: harvest = inflow + gain x (V - setpoint).").arg(harvest->name()));
}

QWidget *ControlModePanel::fedBatchPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_profileKind = new QComboBox(page);
    m_profileKind->addItem(tr("Constant"));
    m_profileKind->addItem(tr("Linear ramp"));
    m_profileKind->addItem(tr("Exponential"));
    m_rateA = spin(0, 1e4, 5, 2, tr(" mL/h"));
    m_rateB = spin(0, 1e4, 20, 2, tr(" mL/h"));
    m_duration = spin(0, 1000, 10, 2, tr(" h"));
    m_mu = spin(0, 2, 0.1, 4, tr(" 1/h"));
    m_x0 = spin(0, 500, 5, 3, tr(" g/L"));
    m_v0 = spin(0, 1e6, 1000, 1, tr(" mL"));
    m_yxs = spin(0.01, 2, 0.5, 3, tr(" g/g"));
    m_sIn = spin(1, 2000, 400, 1, tr(" g/L"));
    form->addRow(tr("Profile:"), m_profileKind);
    form->addRow(tr("Rate / ramp start:"), m_rateA);
    form->addRow(tr("Ramp end:"), m_rateB);
    form->addRow(tr("Ramp duration:"), m_duration);
    form->addRow(tr("mu_set:"), m_mu);
    form->addRow(tr("X0:"), m_x0);
    form->addRow(tr("V0:"), m_v0);
    form->addRow(tr("Yxs:"), m_yxs);
    form->addRow(tr("S_in:"), m_sIn);
    auto *buttons = new QHBoxLayout;
    const std::pair<QString, ActuatorControl::ProfileCommand> commands[] = {
        {tr("Start"), ActuatorControl::ProfileCommand::Start},
        {tr("Pause"), ActuatorControl::ProfileCommand::Pause},
        {tr("Resume"), ActuatorControl::ProfileCommand::Resume}};
    for (const auto &[text, command] : commands) {
        auto *button = new QPushButton(text, page);
        connect(button, &QPushButton::clicked, this,
                [this, command = command] { report(m_actuator->commandProfile(command, m_users->actor())); });
        buttons->addWidget(button);
    }
    form->addRow(buttons);
    return page;
}

QWidget *ControlModePanel::pidPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_pidChannel = new QLineEdit(QStringLiteral("glucose"), page);
    m_pidChannel->setObjectName(QStringLiteral("pidChannel"));
    m_setpoint = spin(-1e6, 1e6, 2.0, 3);
    m_kp = spin(-1e6, 1e6, 5.0, 4);
    m_kp->setObjectName(QStringLiteral("kp"));
    m_ki = spin(-1e6, 1e6, 0.01, 5);
    m_kd = spin(-1e6, 1e6, 0.0, 4);
    form->addRow(tr("Measured channel:"), m_pidChannel);
    form->addRow(tr("Setpoint:"), m_setpoint);
    form->addRow(tr("Kp:"), m_kp);
    form->addRow(tr("Ki (1/s):"), m_ki);
    form->addRow(tr("Kd (s):"), m_kd);
    auto *setpoint = new QPushButton(tr("Change setpoint only"), page);
    connect(setpoint, &QPushButton::clicked, this,
            [this] { report(m_actuator->setSetpoint(m_setpoint->value(), m_users->actor())); });
    form->addRow(setpoint);
    return page;
}

QWidget *ControlModePanel::modelPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_confirm = new QCheckBox(tr("Each change waits for my confirmation"), page);
    m_confirm->setObjectName(QStringLiteral("confirmEachPlan"));
    m_confirm->setChecked(true);
    m_replanMinutes = spin(1, 24 * 60, 15, 0, tr(" min"));
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
    case ControlModeKind::FedBatch: {
        FeedRateProfile profile = FeedRateProfile::constant(m_rateA->value());
        if (m_profileKind->currentIndex() == 1)
            profile = FeedRateProfile::linearRamp(m_rateA->value(), m_rateB->value(), m_duration->value());
        else if (m_profileKind->currentIndex() == 2)
            profile = FeedRateProfile::exponential(m_mu->value(), m_x0->value(), m_v0->value(),
                                                   m_yxs->value(), m_sIn->value());
        report(m_actuator->setMode(std::make_unique<FedBatchMode>(profile), actor));
        return;
    }
    case ControlModeKind::Pid: {
        PidTuning tuning;
        tuning.kp = m_kp->value();
        tuning.ki = m_ki->value();
        tuning.kd = m_kd->value();
        tuning.outputMinimum = m_actuator->feed()->limits().minimum;
        tuning.outputMaximum = m_actuator->feed()->limits().maximum;
        report(m_actuator->setMode(
            std::make_unique<PidMode>(m_pidChannel->text().trimmed(), m_setpoint->value(), tuning), actor));
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

void ControlModePanel::setPidChannel(const QString &channel)
{
    if (!channel.isEmpty())
        m_pidChannel->setText(channel);
}

void ControlModePanel::report(const QString &error)
{
    m_lastError = error;
    m_message->setText(error);
    m_message->setStyleSheet(error.isEmpty() ? QString() : QStringLiteral("color:#b00020"));
    updateStatus();
}

void ControlModePanel::updateStatus()
{
    const FeedController *feed = m_actuator->feed();
    QString text = tr("%1; commanded %2 %3")
                       .arg(m_actuator->mode()->describe())
                       .arg(feed->commandedRate())
                       .arg(feed->limits().unit);
    if (feed->targetRate() != feed->commandedRate())
        text += tr(", ramping to %1").arg(feed->targetRate());
    if (feed->isInhibited())
        text += tr("; HELD IN SAFE STATE: %1").arg(feed->inhibitReason());
    m_status->setText(text);
}
