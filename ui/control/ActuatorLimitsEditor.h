#pragma once
// Edits one actuator's operating limits (minimum, maximum, safe value, rate of change) at a time. The change
// goes through FeedController::changeLimits as the signed-in user, which checks the role and keeps the
// values inside the station's hard limits; the editor only shows what it answered.
#include <QWidget>

class ActuatorBank;
class ActuatorControl;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class UserSession;

class ActuatorLimitsEditor : public QWidget
{
    Q_OBJECT
public:
    ActuatorLimitsEditor(ActuatorBank *actuators, UserSession *users, QWidget *parent = nullptr);

    // Applies the values in the form to the selected actuator; returns the refusal text, empty when applied.
    QString apply();

private:
    ActuatorControl *selected() const;
    void showSelected();

    ActuatorBank *m_actuators;
    UserSession *m_users;
    QComboBox *m_actuator;
    QLabel *m_hardRange;
    QDoubleSpinBox *m_minimum;
    QDoubleSpinBox *m_maximum;
    QDoubleSpinBox *m_safe;
    QDoubleSpinBox *m_maxChange;
    QLineEdit *m_reason;
    QLabel *m_result;
};
