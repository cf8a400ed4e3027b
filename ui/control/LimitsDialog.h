#pragma once
// "Limits and alarm settings": the actuators' operating limits and the level alarms' settings, one tab
// each. Supervisors change them; every change and every refusal is audited below this dialog.
#include <QDialog>

class ActuatorLimitsEditor;
class AlarmLimitsEditor;
class ControlSystem;

class LimitsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit LimitsDialog(ControlSystem *control, QWidget *parent = nullptr);

    ActuatorLimitsEditor *actuatorEditor() const { return m_actuators; }
    AlarmLimitsEditor *alarmEditor() const { return m_alarms; }

private:
    ActuatorLimitsEditor *m_actuators;
    AlarmLimitsEditor *m_alarms;
};
