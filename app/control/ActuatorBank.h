#pragma once
// All controlled actuators of a station, and stop-all: every actuator leaves its control mode for manual and
// goes to its safe state at once (no ramp). The commands are issued synchronously, in one pass, so they reach
// the drivers' queues within the same event-loop turn.
#include "ActuatorControl.h"

#include <QList>
#include <QObject>

class ActuatorBank : public QObject
{
    Q_OBJECT
public:
    explicit ActuatorBank(QObject *parent = nullptr) : QObject(parent) {}

    void add(ActuatorControl *actuator) { m_actuators.append(actuator); }
    QList<ActuatorControl *> actuators() const { return m_actuators; }
    ActuatorControl *find(const QString &name) const;

    // Needs OperateProcess; returns an error text (empty when every actuator was sent to its safe state).
    QString stopAll(const Actor &actor, const QString &reason);

Q_SIGNALS:
    void stoppedAll(const QString &byUser);
    void audited(const AuditEntry &entry);

private:
    QList<ActuatorControl *> m_actuators;
};
