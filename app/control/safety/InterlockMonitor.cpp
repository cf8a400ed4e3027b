#include "InterlockMonitor.h"

#include "FeedController.h"
#include "PermissionMatrix.h"

#include <QDateTime>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcInterlock, "reactordesk.control.interlock")

void InterlockMonitor::addActuator(FeedController *feed)
{
    m_actuators.insert(feed->actuatorName(), feed);
}

void InterlockMonitor::addInterlock(const Interlock &interlock)
{
    if (!m_states.contains(interlock.name))
        m_order.append(interlock.name);
    m_states.insert(interlock.name, State{interlock, false, true});
}

QList<Interlock> InterlockMonitor::interlocks() const
{
    QList<Interlock> result;
    for (const QString &name : m_order)
        result.append(m_states.value(name).interlock);
    return result;
}

void InterlockMonitor::update(const Reading &reading)
{
    if (reading.quality != Quality::Good)
        return;
    for (const QString &name : std::as_const(m_order)) {
        State &state = m_states[name];
        if (state.interlock.channel != reading.channel)
            continue;
        state.inside = state.interlock.holds(reading.value);
        if (state.inside) {
            state.outsideSinceMs = -1;
            continue;
        }
        if (state.tripped)
            continue;
        if (state.outsideSinceMs < 0)
            state.outsideSinceMs = reading.sourceTimeMs;
        if (reading.sourceTimeMs - state.outsideSinceMs < state.interlock.delayMs)
            continue;
        state.tripped = true;
        qCWarning(lcInterlock) << "interlock" << name << "tripped at" << reading.value;
        const QString reason = tr("interlock %1: %2 (%3 = %4)")
                                   .arg(name, state.interlock.text, reading.channel)
                                   .arg(reading.value);
        for (const QString &actuator : state.interlock.actuators)
            if (FeedController *feed = m_actuators.value(actuator))
                feed->inhibit(reason);
        Q_EMIT tripped(name, state.interlock.text, reading.value);
    }
}

QString InterlockMonitor::reset(const QString &name, const Actor &actor)
{
    if (!m_states.contains(name))
        return tr("there is no interlock %1").arg(name);
    if (!PermissionMatrix::allows(actor.role, Permission::OperateProcess)) {
        Q_EMIT audited(PermissionMatrix::refusal(
            actor, Permission::OperateProcess, QStringLiteral("interlock.") + name, QStringLiteral("reset")));
        return PermissionMatrix::refusalText(actor, Permission::OperateProcess);
    }
    State &state = m_states[name];
    if (!state.tripped)
        return {};
    if (!state.inside)
        return tr("interlock %1 cannot be reset: %2 is still outside its band")
            .arg(name, state.interlock.channel);
    state.tripped = false;
    for (const QString &actuator : state.interlock.actuators) {
        bool heldElsewhere = false;
        for (const State &other : std::as_const(m_states))
            heldElsewhere |= other.tripped && other.interlock.actuators.contains(actuator);
        if (FeedController *feed = m_actuators.value(actuator); feed && !heldElsewhere)
            feed->releaseInhibit(actor);
    }
    Q_EMIT audited({QDateTime::currentMSecsSinceEpoch(), actor.user, roleName(actor.role),
                    QStringLiteral("interlock.") + name, QStringLiteral("tripped"), QStringLiteral("reset"),
                    QString()});
    Q_EMIT cleared(name);
    return {};
}
