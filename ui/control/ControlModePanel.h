#pragma once
// The control of one actuator: choose manual, chemostat, fed-batch (constant, ramp, exponential), PID or
// model plan, set its parameters and apply; start/pause/resume a profile; confirm or reject a pending model
// plan. Every request goes to ActuatorControl as the signed-in user; limits and permissions are enforced
// there, and a refusal is shown in the panel. With a harvest pump given, the chemostat also asks for the
// volume setpoint and starts level control on the harvest (ChemostatLevelControl).
#include "ChannelInfo.h"
#include "PidTuning.h"

#include <QHash>
#include <QWidget>

class ActuatorControl;
class FedBatchProfileForm;
class QComboBox;
class QCheckBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QPushButton;
class QStackedWidget;
class UserSession;

class ControlModePanel : public QWidget
{
    Q_OBJECT
public:
    ControlModePanel(ActuatorControl *actuator, UserSession *users, QWidget *parent = nullptr);

    QString lastError() const { return m_lastError; }
    void applyMode();
    // Prefills the PID page (e.g. with ControlSystem::savedPidTuning).
    void setPidTuning(const PidTuning &tuning);
    // The station's channels: the PID page offers them by label and unit (storing the id), and the status
    // line names a PID loop's channel the same way. The chosen channel is kept.
    void setChannels(const QList<ChannelInfo> &channels);
    // Selects the PID page's measured channel by id (e.g. ControlSystem::defaultPidChannel); one the station
    // does not list is offered by its id. Empty: unchanged.
    void setPidChannel(const QString &channel);
    // The pump that holds the volume when this actuator runs as a chemostat (ControlSystem::harvestFor), or
    // null for a chemostat without level control.
    void setHarvestActuator(ActuatorControl *harvest);
    // Re-reads the model plan (pending steps, Confirm/Reject); the window calls it when the model plan link
    // drops or replaces a plan without a mode change (models reset, a plan refused).
    void updatePlanView();

private:
    QWidget *manualPage();
    QWidget *chemostatPage();
    QWidget *fedBatchPage();
    QWidget *pidPage();
    QWidget *modelPage();
    void showPage(int index);
    void updatePidUnits();
    void report(const QString &error);
    void updateStatus();

    ActuatorControl *m_actuator;
    UserSession *m_users;
    QComboBox *m_mode;
    QStackedWidget *m_pages;
    QDoubleSpinBox *m_manualRate = nullptr;
    QDoubleSpinBox *m_dilution = nullptr;
    QWidget *m_levelRows = nullptr;
    QLabel *m_levelNote = nullptr;
    QDoubleSpinBox *m_volumeSetpoint = nullptr, *m_levelGain = nullptr;
    ActuatorControl *m_harvest = nullptr;
    FedBatchProfileForm *m_fedBatch = nullptr;
    QComboBox *m_pidChannel = nullptr;
    QLabel *m_kpLabel = nullptr;
    QDoubleSpinBox *m_setpoint = nullptr, *m_kp = nullptr, *m_ki = nullptr, *m_kd = nullptr;
    QHash<QString, ChannelInfo> m_channels;
    QCheckBox *m_confirm = nullptr;
    QDoubleSpinBox *m_replanMinutes = nullptr;
    QLabel *m_planView = nullptr;
    QPushButton *m_confirmPlan = nullptr, *m_rejectPlan = nullptr;
    QLabel *m_status;
    QLabel *m_message;
    QString m_lastError;
};
