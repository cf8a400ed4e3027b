#pragma once
// Edits the limit, deadband and delays of one level alarm at a time. The change goes through
// AlarmManager::changeLimit as the signed-in user (a supervisor's permission, audited, refusals included).
#include "ChannelInfo.h"

#include <QHash>
#include <QWidget>

class AlarmManager;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class UserSession;

class AlarmLimitsEditor : public QWidget
{
    Q_OBJECT
public:
    AlarmLimitsEditor(AlarmManager *alarms, UserSession *users, QWidget *parent = nullptr);

    // Applies the form to the selected alarm; returns the refusal text, empty when applied.
    QString apply();
    // The station's channels: the description names a channel by its label and the limit shows its unit
    // (without them, the channel's id and no unit).
    void setChannels(const QList<ChannelInfo> &channels);

private:
    void showSelected();

    AlarmManager *m_alarms;
    UserSession *m_users;
    QComboBox *m_alarm;
    QLabel *m_description;
    QDoubleSpinBox *m_limit;
    QDoubleSpinBox *m_deadband;
    QDoubleSpinBox *m_onDelay;
    QDoubleSpinBox *m_offDelay;
    QLabel *m_result;
    QHash<QString, ChannelInfo> m_channels;
};
