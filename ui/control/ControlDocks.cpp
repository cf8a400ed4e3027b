#include "ControlDocks.h"

#include "AlarmLimitsEditor.h"
#include "AlarmPanel.h"
#include "ControlModePanel.h"
#include "ControlSystem.h"
#include "LimitsDialog.h"
#include "LoginDialog.h"
#include "StopAllAction.h"
#include "TrayNotifier.h"

#include <QDockWidget>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

ControlDocks::ControlDocks(QMainWindow *window, ControlSystem *control)
    : QObject(window), m_window(window), m_control(control),
      m_alarmPanel(new AlarmPanel(control->alarms(), control->users(), window)),
      m_stopAll(new StopAllAction(control, window)), m_user(new QLabel(window)),
      m_tray(new TrayNotifier(this))
{
    auto *alarmDock = new QDockWidget(tr("Alarms"), window);
    alarmDock->setObjectName(QStringLiteral("alarmDock"));
    alarmDock->setWidget(m_alarmPanel);
    window->addDockWidget(Qt::BottomDockWidgetArea, alarmDock);

    auto *controls = new QWidget(window);
    auto *layout = new QVBoxLayout(controls);
    for (ActuatorControl *actuator : control->actuators()->actuators()) {
        auto *panel = new ControlModePanel(actuator, control->users(), controls);
        panel->setPidTuning(control->savedPidTuning(actuator->name()));
        panel->setPidChannel(control->defaultPidChannel(actuator->name()));
        panel->setHarvestActuator(control->harvestFor(actuator->name()));
        layout->addWidget(panel);
        m_modePanels.append(panel);
    }
    layout->addStretch();
    auto *controlDock = new QDockWidget(tr("Control"), window);
    controlDock->setObjectName(QStringLiteral("controlDock"));
    controlDock->setWidget(controls);
    window->addDockWidget(Qt::RightDockWidgetArea, controlDock);

    window->addAction(m_stopAll); // the shortcuts work wherever the focus is in the window
    connect(m_stopAll, &StopAllAction::refused, m_tray, &TrayNotifier::notify);
    connect(control->alarms(), &AlarmManager::transitioned, m_tray, &TrayNotifier::alarmTransitioned);
    connect(m_tray, &TrayNotifier::notified, this,
            [this](const QString &text) { m_window->statusBar()->showMessage(text, 10000); });

    auto showUser = [this] {
        const Actor actor = m_control->actor();
        m_user->setText(m_control->users()->signedIn()
                            ? tr("Signed in: %1 (%2)").arg(actor.user, roleTitle(actor.role))
                            : tr("Not signed in (view only)"));
    };
    connect(control->users(), &UserSession::actorChanged, this, showUser);
    showUser();
    window->statusBar()->addPermanentWidget(m_user);
}

void ControlDocks::install(QMenu *menu, QToolBar *toolbar)
{
    menu->addAction(tr("Sign &in..."), this, &ControlDocks::showLogin);
    menu->addAction(tr("Sign &out"), m_control->users(), &UserSession::signOut);
    menu->addSeparator();
    menu->addAction(tr("&Limits and alarm settings..."), this, &ControlDocks::showLimits);
    toolbar->addAction(m_stopAll);
    if (QWidget *button = toolbar->widgetForAction(m_stopAll))
        button->setStyleSheet(
            QStringLiteral("background:#b00020;color:white;font-weight:bold;padding:4px 10px"));
}

void ControlDocks::setChannels(const QList<ChannelInfo> &channels)
{
    m_channels = channels;
    m_alarmPanel->setChannels(channels);
    for (ControlModePanel *panel : std::as_const(m_modePanels))
        panel->setChannels(channels);
}

void ControlDocks::showLogin()
{
    auto *dialog = new LoginDialog(m_control->users(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void ControlDocks::showLimits()
{
    auto *dialog = new LimitsDialog(m_control, m_window);
    dialog->alarmEditor()->setChannels(m_channels);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}
