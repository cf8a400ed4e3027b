#pragma once
// One actuator under control: its FeedController (the limits) and the active control mode, run every
// periodMs. Mode switches are bumpless (the new mode starts from the present output) and audited; every
// operator action is checked against the acting user's role here, below the UI. While the actuator is
// inhibited (interlock, stop-all) no mode output reaches it. Plans from the model are audited as the person
// who handed the actuator to the model plan (planOwner), who stays responsible after signing out.
#include "Actor.h"
#include "AuditEntry.h"
#include "FeedController.h"
#include "Permission.h"
#include "modes/ControlMode.h"
#include "modes/FeedPlan.h"
#include "modes/PidTuning.h"

#include <QObject>
#include <QTimer>

#include <memory>

class ActuatorControl : public QObject
{
    Q_OBJECT
public:
    enum class ProfileCommand
    {
        Start,
        Pause,
        Resume
    };

    ActuatorControl(FeedController *feed, const ProcessValues *values, const ControlClock *clock,
                    int periodMs = 1000, QObject *parent = nullptr);
    ~ActuatorControl() override;

    FeedController *feed() const { return m_feed; }
    ControlMode *mode() const { return m_mode.get(); }
    ControlModeKind modeKind() const { return m_mode->kind(); }
    QString name() const { return m_feed->actuatorName(); }

    // All return an error text, empty when done.
    QString setMode(std::unique_ptr<ControlMode> mode, const Actor &actor, const QString &reason = {});
    // Switches to manual (bumplessly) if needed, then commands the rate.
    QString setManualRate(double rate, const Actor &actor, const QString &reason = {});
    QString commandProfile(ProfileCommand command, const Actor &actor);
    QString setSetpoint(double setpoint, const Actor &actor);
    QString setPidTuning(const PidTuning &tuning, const Actor &actor);
    QString confirmPlan(const Actor &actor);
    QString rejectPlan(const Actor &actor);
    // From the model service: applied at once or left pending for confirmation, audited as planOwner() with
    // the reason "model plan <source>". Refused (and audited as a refusal) when the owner has lost the
    // permission to operate the process since; the active plan is then dropped and the present rate holds.
    QString proposePlan(const FeedPlan &plan);
    // Who switched this actuator to the model plan, with their role as of their latest sign-in.
    Actor planOwner() const { return m_planOwner; }
    // The signed-in user changed. A role changed since the handover is learned when the owner signs in again;
    // signing out changes nothing (an operator who hands control to the model expects it to go on).
    void noteSignedIn(const Actor &actor);
    // Stop-all and trips: manual at once, without a permission check (moving to safety is always allowed).
    void forceManual(const QString &reason);

    void start() { m_timer.start(); }
    void stop() { m_timer.stop(); }
    // One control period; runs on the timer (tests call it on virtual time).
    void tick();

Q_SIGNALS:
    // Also after a PID retune (the description carries the gains).
    void modeChanged(ControlModeKind kind, const QString &description);
    void planPending(const FeedPlan &plan);
    void replanRequested(const QString &actuator);
    void audited(const AuditEntry &entry);

private:
    bool permitted(const Actor &actor, Permission permission, const QString &field, const QString &attempted);
    void audit(const Actor &actor, const QString &field, const QString &oldValue, const QString &newValue,
               const QString &reason);
    void install(std::unique_ptr<ControlMode> mode);

    FeedController *m_feed;
    const ProcessValues *m_values;
    const ControlClock *m_clock;
    std::unique_ptr<ControlMode> m_mode;
    Actor m_planOwner; // nobody (a viewer) until someone switches to the model plan
    QTimer m_timer;
};
