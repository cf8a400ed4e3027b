#include "FeedController.h"

#include <QDateTime>
#include <QPointer>

#include <cmath>

FeedController::FeedController(QString actuatorName, ActuatorLimits limits, CommandSink sink, QObject *parent)
    : QObject(parent), m_name(std::move(actuatorName)), m_limits(std::move(limits)), m_sink(std::move(sink)),
      m_commanded(m_limits.safeValue)
{
}

QString FeedController::setRate(double rate, const QString &user, const QString &role, const QString &reason)
{
    if (!std::isfinite(rate))
        return tr("%1: the rate must be a number").arg(m_name);
    if (rate < m_limits.minimum || rate > m_limits.maximum)
        return tr("%1: %2 %3 is outside the hard limits %4 to %5 %3")
            .arg(m_name)
            .arg(rate)
            .arg(m_limits.unit)
            .arg(m_limits.minimum)
            .arg(m_limits.maximum);
    const double old = m_commanded;
    m_commanded = rate;
    Q_EMIT audited(AuditEntry{QDateTime::currentMSecsSinceEpoch(), user, role,
                              m_name + QStringLiteral(".rate"), QString::number(old), QString::number(rate),
                              reason});
    QPointer<FeedController> self(this);
    m_sink(rate, [self, rate](bool ok, const QString &why) {
        if (!self)
            return;
        if (ok)
            Q_EMIT self->commandConfirmed(rate);
        else
            Q_EMIT self->commandFailed(rate, why);
    });
    return {};
}
