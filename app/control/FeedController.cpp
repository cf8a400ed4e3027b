#include "FeedController.h"

#include "PermissionMatrix.h"

#include <QLoggingCategory>
#include <QPointer>

#include <algorithm>
#include <cmath>

Q_LOGGING_CATEGORY(lcFeed, "reactordesk.control.feed")

FeedController::FeedController(QString actuatorName, ActuatorLimits limits, CommandSink sink,
                               const ControlClock *clock, QObject *parent)
    : QObject(parent), m_name(std::move(actuatorName)), m_hardLimits(limits), m_limits(std::move(limits)),
      m_sink(std::move(sink)), m_clock(clock), m_commanded(m_limits.safeValue), m_target(m_limits.safeValue),
      m_lastSentMs(clock->nowMs())
{
    m_rampTimer.setInterval(rampStepMs);
    connect(&m_rampTimer, &QTimer::timeout, this, &FeedController::advanceRamp);
}

AuditEntry FeedController::entry(const Actor &actor, const QString &field, const QString &oldValue,
                                 const QString &newValue, const QString &reason) const
{
    return {m_clock->nowMs(), actor.user, roleName(actor.role), m_name + QLatin1Char('.') + field, oldValue,
            newValue,         reason};
}

QString FeedController::setRate(double rate, const Actor &actor, const QString &reason)
{
    const QString attempted = QString::number(rate);
    auto refuse = [&](const QString &why) {
        Q_EMIT refused(entry(actor, QStringLiteral("rate"), QString::number(m_target), attempted,
                             QStringLiteral("refused: ") + why));
        return why;
    };
    if (!PermissionMatrix::allows(actor.role, Permission::OperateProcess)) {
        Q_EMIT refused(PermissionMatrix::refusal(actor, Permission::OperateProcess,
                                                 m_name + QStringLiteral(".rate"), attempted));
        return PermissionMatrix::refusalText(actor, Permission::OperateProcess);
    }
    if (!std::isfinite(rate))
        return refuse(tr("%1: the rate must be a number").arg(m_name));
    if (rate < m_limits.minimum || rate > m_limits.maximum)
        return refuse(tr("%1: %2 %3 is outside the hard limits %4 to %5 %3")
                          .arg(m_name)
                          .arg(rate)
                          .arg(m_limits.unit)
                          .arg(m_limits.minimum)
                          .arg(m_limits.maximum));
    if (isInhibited())
        return refuse(tr("%1 is held in its safe state: %2").arg(m_name, m_inhibitReason));
    Q_EMIT audited(entry(actor, QStringLiteral("rate"), QString::number(m_target), attempted, reason));
    m_target = rate;
    advanceRamp();
    return {};
}

void FeedController::applyControlOutput(double rate)
{
    if (!std::isfinite(rate) || isInhibited())
        return;
    m_target = std::clamp(rate, m_limits.minimum, m_limits.maximum);
    advanceRamp();
}

void FeedController::enterSafeState(const QString &reason, const Actor &actor)
{
    Q_EMIT audited(entry(actor, QStringLiteral("rate"), QString::number(m_commanded),
                         QString::number(m_limits.safeValue), QStringLiteral("safe state: ") + reason));
    m_target = m_limits.safeValue;
    m_rampTimer.stop();
    send(m_limits.safeValue);
}

void FeedController::inhibit(const QString &reason)
{
    const bool wasInhibited = isInhibited();
    m_inhibitReason = reason.isEmpty() ? tr("inhibited") : reason;
    enterSafeState(m_inhibitReason, Actor::system());
    if (!wasInhibited)
        Q_EMIT inhibitChanged(true, m_inhibitReason);
}

QString FeedController::releaseInhibit(const Actor &actor)
{
    if (!isInhibited())
        return {};
    if (!PermissionMatrix::allows(actor.role, Permission::OperateProcess)) {
        Q_EMIT refused(PermissionMatrix::refusal(actor, Permission::OperateProcess,
                                                 m_name + QStringLiteral(".inhibit"),
                                                 QStringLiteral("release")));
        return PermissionMatrix::refusalText(actor, Permission::OperateProcess);
    }
    Q_EMIT audited(
        entry(actor, QStringLiteral("inhibit"), m_inhibitReason, QString(), QStringLiteral("released")));
    m_inhibitReason.clear();
    Q_EMIT inhibitChanged(false, QString());
    return {};
}

QString FeedController::changeLimits(const ActuatorLimits &limits, const Actor &actor, const QString &reason)
{
    auto describe = [](const ActuatorLimits &l) {
        return QStringLiteral("min=%1 max=%2 safe=%3 maxChange=%4/s")
            .arg(l.minimum)
            .arg(l.maximum)
            .arg(l.safeValue)
            .arg(l.maxChangePerSecond);
    };
    if (!PermissionMatrix::allows(actor.role, Permission::ChangeLimits)) {
        Q_EMIT refused(PermissionMatrix::refusal(actor, Permission::ChangeLimits,
                                                 m_name + QStringLiteral(".limits"), describe(limits)));
        return PermissionMatrix::refusalText(actor, Permission::ChangeLimits);
    }
    const QString why = limitsProblem(limits);
    if (!why.isEmpty()) {
        Q_EMIT refused(entry(actor, QStringLiteral("limits"), describe(m_limits), describe(limits),
                             QStringLiteral("refused: ") + why));
        return tr("%1: %2").arg(m_name, why);
    }
    Q_EMIT audited(entry(actor, QStringLiteral("limits"), describe(m_limits), describe(limits), reason));
    m_limits = limits;
    m_target = std::clamp(m_target, m_limits.minimum, m_limits.maximum);
    if (m_commanded < m_limits.minimum || m_commanded > m_limits.maximum)
        send(std::clamp(m_commanded, m_limits.minimum, m_limits.maximum)); // safety first: no ramp
    advanceRamp();
    return {};
}

QString FeedController::limitsProblem(const ActuatorLimits &limits) const
{
    if (!limits.isValid() || !std::isfinite(limits.minimum) || !std::isfinite(limits.maximum) ||
        !std::isfinite(limits.safeValue) || !std::isfinite(limits.maxChangePerSecond))
        return tr("the limits are inconsistent (minimum <= safe value <= maximum, rate of change >= 0)");
    if (limits.minimum < m_hardLimits.minimum || limits.maximum > m_hardLimits.maximum)
        return tr("the range %1..%2 leaves the station's hard range %3..%4 %5")
            .arg(limits.minimum)
            .arg(limits.maximum)
            .arg(m_hardLimits.minimum)
            .arg(m_hardLimits.maximum)
            .arg(m_hardLimits.unit);
    if (m_hardLimits.maxChangePerSecond > 0 &&
        (limits.maxChangePerSecond <= 0 || limits.maxChangePerSecond > m_hardLimits.maxChangePerSecond))
        return tr("the rate of change must be above 0 and at most the station's %1 %2/s")
            .arg(m_hardLimits.maxChangePerSecond)
            .arg(m_hardLimits.unit);
    return {};
}

void FeedController::advanceRamp()
{
    const qint64 now = m_clock->nowMs();
    double next = m_target;
    if (m_limits.maxChangePerSecond > 0) {
        const qint64 elapsedMs = std::clamp<qint64>(now - m_lastSentMs, 0, maxStepSpanMs);
        const double maxStep = m_limits.maxChangePerSecond * double(elapsedMs) / 1000.0;
        next = m_commanded + std::clamp(m_target - m_commanded, -maxStep, maxStep);
    }
    if (next != m_commanded)
        send(next);
    if (m_commanded == m_target)
        m_rampTimer.stop();
    else if (!m_rampTimer.isActive())
        m_rampTimer.start();
}

void FeedController::send(double rate)
{
    m_commanded = rate;
    m_lastSentMs = m_clock->nowMs();
    Q_EMIT commandSent(rate);
    QPointer<FeedController> self(this);
    m_sink(rate, [self, rate](bool ok, const QString &why) {
        if (!self)
            return;
        if (ok) {
            Q_EMIT self->commandConfirmed(rate);
        } else {
            qCWarning(lcFeed) << self->m_name << "command" << rate << "failed:" << why;
            Q_EMIT self->commandFailed(rate, why);
        }
    });
}
