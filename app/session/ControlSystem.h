#pragma once
// Wires feed control, alarms and users into a session: owns the clock, the signed-in user, the actuators
// (FeedController + ActuatorControl each), interlocks, the gravimetric check and the alarm manager; feeds
// them the session's readings and link states; and sends every audit entry and alarm transition to the run
// recorder. ReactorSession constructs it and adds the actuators it can drive.
#include "ActuatorBank.h"
#include "AlarmManager.h"
#include "GravimetricCheck.h"
#include "InterlockMonitor.h"
#include "LinkState.h"
#include "PidTuning.h"
#include "ProcessValues.h"
#include "StationSafety.h"
#include "SteadyClock.h"
#include "UserSession.h"
#include "UserStore.h"

#include <QObject>
#include <QSet>

#include <optional>

class RunRecorder;

class ControlSystem : public QObject
{
    Q_OBJECT
public:
    ControlSystem(RunRecorder *recorder, const QString &userStorePath, QObject *parent = nullptr);
    ~ControlSystem() override;
    static QString defaultUserStorePath();

    const ControlClock *clock() const { return &m_clock; }
    UserSession *users() const { return m_users; }
    AlarmManager *alarms() const { return m_alarms; }
    ActuatorBank *actuators() const { return m_bank; }
    InterlockMonitor *interlocks() const { return m_interlocks; }
    Actor actor() const { return m_users->actor(); }

    // Creates the FeedController (limits enforced) and its ActuatorControl; instrument names the link whose
    // loss sends this actuator to its safe state.
    ActuatorControl *addActuator(const QString &name, const ActuatorLimits &limits,
                                 FeedController::CommandSink sink, const QString &instrument);
    // The gravimetric check watches the feed actuator against the balance channel. timeScale = process
    // seconds per wall second (the simulator's speed; 1 on a real plant).
    void watchFeedByBalance(const QString &actuator, const QString &balanceChannel,
                            const GravimetricSettings &settings, double timeScale = 1.0);
    // The station file's process alarms and interlocks (each interlock also gets a high-priority alarm
    // "interlock.<id>" that follows its trip and reset). Call once, after the actuators are added.
    void installStationSafety(const StationSafety &safety);

    // PID tuning is kept per station and actuator (QSettings), saved whenever a PID mode starts or is
    // retuned.
    void setStationName(const QString &station) { m_station = station; }
    // The saved tuning, else the default set for the actuator, else PidTuning{}.
    PidTuning savedPidTuning(const QString &actuator) const;
    // A default tuning and the channel its loop measures (what the Control panel prefills).
    void setDefaultPidTuning(const QString &actuator, const PidTuning &tuning, const QString &channel);
    QString defaultPidChannel(const QString &actuator) const { return m_defaultPidChannel.value(actuator); }
    // The demo's tunings, found closed around the simulator at its default speed (60): glucose by feed, DO by
    // stirrer, pH by base pump. Gains are per wall-clock second, so they hold for that speed only.
    void installDemoPidDefaults();
    // The pump that holds the volume while actuator runs as a chemostat: the station's "harvest_pump"
    // (null if the station has none, or for the harvest pump itself).
    ActuatorControl *harvestFor(const QString &actuator) const;

    // Stop-all as the signed-in user.
    QString stopAll(const QString &reason);
    std::optional<GravimetricStatus> gravimetricStatus() const { return m_lastGravimetric; }

public Q_SLOTS:
    void onReadings(const QList<Reading> &readings);
    void onInstrumentState(const QString &instrument, LinkState state, const QString &lastError);

Q_SIGNALS:
    void gravimetricUpdated(const GravimetricStatus &status);

private:
    void record(const AuditEntry &entry);
    void record(const AlarmTransition &transition);
    // Storage faults of the run recorder (disk full, I/O error, backlog) as alarms "recording.storage" and
    // "recording.backlog".
    void raiseRecorderAlarms();
    void savePidTuning(const QString &actuator, const PidTuning &tuning);
    QString settingsKey(const QString &actuator) const;

    SteadyClock m_clock;
    RunRecorder *m_recorder;
    UserStore m_userStore;
    UserSession *m_users;
    AlarmManager *m_alarms;
    ActuatorBank *m_bank;
    InterlockMonitor *m_interlocks;
    ProcessValues m_values;
    QHash<QString, QString> m_instrumentOfActuator;
    QSet<QString> m_lostInstruments;
    QString m_station = QStringLiteral("demo");
    QHash<QString, PidTuning> m_defaultPid;
    QHash<QString, QString> m_defaultPidChannel;
    QString m_gravimetricActuator;
    QString m_balanceChannel;
    double m_timeScale = 1.0;
    std::optional<GravimetricCheck> m_gravimetric;
    std::optional<GravimetricStatus> m_lastGravimetric;
};
