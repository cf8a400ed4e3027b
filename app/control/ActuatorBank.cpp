#include "ActuatorBank.h"

#include "PermissionMatrix.h"

#include <QDateTime>

ActuatorControl *ActuatorBank::find(const QString &name) const
{
    for (ActuatorControl *actuator : m_actuators)
        if (actuator->name() == name)
            return actuator;
    return nullptr;
}

QString ActuatorBank::stopAll(const Actor &actor, const QString &reason)
{
    if (!PermissionMatrix::allows(actor.role, Permission::OperateProcess)) {
        Q_EMIT audited(PermissionMatrix::refusal(actor, Permission::OperateProcess,
                                                 QStringLiteral("stop_all"), QStringLiteral("stop all")));
        return PermissionMatrix::refusalText(actor, Permission::OperateProcess);
    }
    Q_EMIT audited({QDateTime::currentMSecsSinceEpoch(), actor.user, roleName(actor.role),
                    QStringLiteral("stop_all"), QString(), QStringLiteral("all actuators to safe state"),
                    reason});
    for (ActuatorControl *actuator : std::as_const(m_actuators)) {
        actuator->forceManual(tr("stop-all by %1").arg(actor.user));
        actuator->feed()->enterSafeState(tr("stop-all: %1").arg(reason), actor);
    }
    Q_EMIT stoppedAll(actor.user);
    return {};
}
