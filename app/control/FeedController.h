#pragma once
// The one place a pump rate is commanded, whoever asks (operator, PID, profile, model, interlock). It
// enforces the actuator's safety limits right before the driver: values outside the hard minimum/maximum are
// refused (operator) or clamped (control modes), the commanded value moves toward its target no faster than
// maxChangePerSecond (a step covers at most the time since the last one, capped at maxStepSpanMs; the ramp
// timer steps every rampStepMs), and the safe state is reached at once, bypassing the rate limit. An
// inhibited actuator (tripped interlock, stop-all) stays in its safe state until released. Operator changes
// are emitted as audit entries (audited), refused commands as audit entries of their own (refused: permission
// missing, outside the limits, inhibited); the permission is checked here, not in the UI.
#include "Actor.h"
#include "ActuatorLimits.h"
#include "AuditEntry.h"
#include "ControlClock.h"

#include <QObject>
#include <QTimer>

#include <functional>

class FeedController : public QObject
{
    Q_OBJECT
public:
    // Sends a rate to the pump; calls done(true) when the pump accepted it, done(false, why) otherwise.
    using CommandSink =
        std::function<void(double rate, std::function<void(bool ok, const QString &why)> done)>;
    static constexpr int rampStepMs = 100;
    static constexpr int maxStepSpanMs = 1000;

    FeedController(QString actuatorName, ActuatorLimits limits, CommandSink sink, const ControlClock *clock,
                   QObject *parent = nullptr);

    QString actuatorName() const { return m_name; }
    ActuatorLimits limits() const { return m_limits; } // the limits in force now
    ActuatorLimits hardLimits() const
    {
        return m_hardLimits;
    }                                                    // the station's: changeLimits stays inside them
    double commandedRate() const { return m_commanded; } // the last value sent to the driver
    double targetRate() const { return m_target; }       // where the ramp is heading
    bool isInhibited() const { return !m_inhibitReason.isEmpty(); }
    QString inhibitReason() const { return m_inhibitReason; }

    // An operator's command. Returns an error text (empty when accepted): no permission, not a number,
    // outside the hard limits, or inhibited. The pump's answer arrives as commandConfirmed or commandFailed.
    QString setRate(double rate, const Actor &actor, const QString &reason);
    // The output of a control mode: clamped into the hard limits; ignored when not finite or inhibited.
    void applyControlOutput(double rate);
    // Goes to the safe value now (no ramp) and emits an audit entry naming the actor and reason.
    void enterSafeState(const QString &reason, const Actor &actor);
    // Safe state now, and every later command ignored or refused until releaseInhibit.
    void inhibit(const QString &reason);
    QString releaseInhibit(const Actor &actor);
    // Needs ChangeLimits. The new limits must lie inside the hard limits the controller was built with (a
    // supervisor tightens or relaxes operating limits, never beyond what the station declares safe), and a
    // rate-of-change limit the station sets cannot be removed or loosened. Narrowed limits pull the commanded
    // value inside them at once. A refusal is audited like any other.
    QString changeLimits(const ActuatorLimits &limits, const Actor &actor, const QString &reason);

    // One ramp step toward the target; runs on the ramp timer (tests call it on virtual time).
    void advanceRamp();

Q_SIGNALS:
    void audited(const AuditEntry &entry);
    void refused(const AuditEntry &entry);
    void commandSent(double rate);
    void commandConfirmed(double rate);
    void commandFailed(double rate, const QString &why);
    void inhibitChanged(bool inhibited, const QString &reason);

private:
    AuditEntry entry(const Actor &actor, const QString &field, const QString &oldValue,
                     const QString &newValue, const QString &reason) const;
    void send(double rate);
    QString limitsProblem(const ActuatorLimits &limits) const; // empty when acceptable

    QString m_name;
    ActuatorLimits m_hardLimits;
    ActuatorLimits m_limits;
    CommandSink m_sink;
    const ControlClock *m_clock;
    double m_commanded;
    double m_target;
    qint64 m_lastSentMs;
    QString m_inhibitReason;
    QTimer m_rampTimer;
};
