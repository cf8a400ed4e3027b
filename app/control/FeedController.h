#pragma once
// The one place a feed pump rate is commanded. It refuses values outside the actuator's hard limits (whoever
// the caller: UI, script, model), sends accepted values through the command sink to the pump driver, and
// emits an audit entry for every change with time, user, old and new value.
#include "ActuatorLimits.h"
#include "AuditEntry.h"

#include <QObject>

#include <functional>

class FeedController : public QObject
{
    Q_OBJECT
public:
    // Sends a rate to the pump; calls done(true) when the pump accepted it, done(false, why) otherwise.
    using CommandSink =
        std::function<void(double rate, std::function<void(bool ok, const QString &why)> done)>;

    FeedController(QString actuatorName, ActuatorLimits limits, CommandSink sink, QObject *parent = nullptr);

    QString actuatorName() const { return m_name; }
    ActuatorLimits limits() const { return m_limits; }
    double commandedRate() const { return m_commanded; }

    // Returns an error text (empty when the command was issued). The pump's answer arrives as
    // commandConfirmed or commandFailed.
    QString setRate(double rate, const QString &user, const QString &role, const QString &reason);

Q_SIGNALS:
    void audited(const AuditEntry &entry);
    void commandConfirmed(double rate);
    void commandFailed(double rate, const QString &why);

private:
    QString m_name;
    ActuatorLimits m_limits;
    CommandSink m_sink;
    double m_commanded;
};
