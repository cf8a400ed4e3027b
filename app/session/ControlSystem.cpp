#include "ControlSystem.h"

#include "PidMode.h"
#include "RunRecorder.h"

#include <QJsonDocument>
#include <QSettings>

#include <QDir>
#include <QLoggingCategory>
#include <QStandardPaths>

Q_LOGGING_CATEGORY(lcControlSystem, "reactordesk.control.system")

namespace {
const QString gravimetricAlarmId = QStringLiteral("feed.gravimetric");

QString communicationAlarmId(const QString &instrument)
{
    return QStringLiteral("link.") + instrument;
}
} // namespace

ControlSystem::ControlSystem(RunRecorder *recorder, const QString &userStorePath, QObject *parent)
    : QObject(parent), m_recorder(recorder), m_userStore(userStorePath),
      m_users(new UserSession(&m_userStore, this)), m_alarms(new AlarmManager(&m_clock, this)),
      m_bank(new ActuatorBank(this)), m_interlocks(new InterlockMonitor(this))
{
    auto audit = [this](const AuditEntry &entry) { record(entry); };
    connect(m_users, &UserSession::audited, this, audit);
    connect(m_alarms, &AlarmManager::audited, this, audit);
    connect(m_bank, &ActuatorBank::audited, this, audit);
    connect(m_interlocks, &InterlockMonitor::audited, this, audit);
    connect(m_alarms, &AlarmManager::transitioned, this,
            [this](const AlarmTransition &transition) { record(transition); });
    connect(m_alarms, &AlarmManager::floodChanged, this, [this](bool flooding, int count) {
        m_recorder->record(RunEvent{m_clock.nowMs(), QStringLiteral("alarm"),
                                    flooding ? tr("alarm flood: %1 alarms in 10 minutes").arg(count)
                                             : tr("alarm flood over")});
    });
    connect(m_interlocks, &InterlockMonitor::tripped, this,
            [this](const QString &name, const QString &text, double) {
                m_alarms->setCondition(QStringLiteral("interlock.") + name, true);
                m_recorder->record(RunEvent{m_clock.nowMs(), QStringLiteral("interlock"),
                                            name + QStringLiteral(": ") + text});
            });
    connect(m_interlocks, &InterlockMonitor::cleared, this, [this](const QString &name) {
        m_alarms->setCondition(QStringLiteral("interlock.") + name, false);
    });
    raiseRecorderAlarms();
}

// The recorder keeps every record in memory while the disk refuses writes or cannot keep up; the operator
// must know before memory runs out. Faults of the workstation itself (AlarmKind::System); the
// detailed message of a failed write still reaches the session's problem() through RunRecorder::failed.
void ControlSystem::raiseRecorderAlarms()
{
    const QString storage = QStringLiteral("recording.storage");
    const QString backlog = QStringLiteral("recording.backlog");
    const QString storageText =
        tr("the run file cannot be written (disk full or I/O error): readings are kept in memory");
    const QString backlogText =
        tr("recording cannot keep up: records are waiting in memory for the run file");
    connect(m_recorder, &RunRecorder::storageFailing, this, [this, storage, storageText] {
        m_alarms->setFault(storage, AlarmKind::System, storageText, true, AlarmPriority::High);
    });
    connect(m_recorder, &RunRecorder::storageRecovered, this, [this, storage, storageText] {
        m_alarms->setFault(storage, AlarmKind::System, storageText, false);
    });
    connect(m_recorder, &RunRecorder::backlog, this, [this, backlog, backlogText] {
        m_alarms->setFault(backlog, AlarmKind::System, backlogText, true, AlarmPriority::Medium);
    });
    connect(m_recorder, &RunRecorder::backlogCleared, this, [this, backlog, backlogText] {
        m_alarms->setFault(backlog, AlarmKind::System, backlogText, false);
    });
}

ControlSystem::~ControlSystem() = default;

QString ControlSystem::defaultUserStorePath()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(folder);
    return folder + QStringLiteral("/users.sqlite");
}

void ControlSystem::record(const AuditEntry &entry)
{
    m_recorder->record(entry);
}

void ControlSystem::record(const AlarmTransition &t)
{
    m_recorder->record(RunEvent{t.timeMs, QStringLiteral("alarm"),
                                QStringLiteral("%1 [%2, %3] %4 -> %5: %6 (%7)")
                                    .arg(t.id, alarmKindName(t.kind), alarmPriorityName(t.priority),
                                         alarmStateName(t.from), alarmStateName(t.to), t.text, t.cause)});
}

ActuatorControl *ControlSystem::addActuator(const QString &name, const ActuatorLimits &limits,
                                            FeedController::CommandSink sink, const QString &instrument)
{
    auto *feed = new FeedController(name, limits, std::move(sink), &m_clock, this);
    auto *actuator = new ActuatorControl(feed, &m_values, &m_clock, 1000, this);
    connect(feed, &FeedController::audited, this, [this](const AuditEntry &entry) { record(entry); });
    connect(feed, &FeedController::refused, this, [this](const AuditEntry &entry) { record(entry); });
    connect(actuator, &ActuatorControl::audited, this, [this](const AuditEntry &entry) { record(entry); });
    connect(m_users, &UserSession::actorChanged, actuator, &ActuatorControl::noteSignedIn);
    connect(feed, &FeedController::commandSent, this, [this, name](double rate) {
        if (m_gravimetric && name == m_gravimetricActuator)
            m_gravimetric->noteCommand(m_clock.nowMs(), rate * m_timeScale);
    });
    connect(feed, &FeedController::commandFailed, this, [this, name](double rate, const QString &why) {
        m_recorder->record(RunEvent{m_clock.nowMs(), QStringLiteral("fault"),
                                    tr("%1: command %2 failed: %3").arg(name).arg(rate).arg(why)});
    });
    connect(actuator, &ActuatorControl::modeChanged, this, [this, actuator](ControlModeKind kind) {
        if (kind == ControlModeKind::Pid)
            savePidTuning(actuator->name(), static_cast<const PidMode *>(actuator->mode())->tuning());
    });
    m_bank->add(actuator);
    m_interlocks->addActuator(feed);
    m_instrumentOfActuator.insert(name, instrument);
    actuator->start();
    return actuator;
}

void ControlSystem::watchFeedByBalance(const QString &actuator, const QString &balanceChannel,
                                       const GravimetricSettings &settings, double timeScale)
{
    m_gravimetricActuator = actuator;
    m_balanceChannel = balanceChannel;
    m_timeScale = timeScale > 0 ? timeScale : 1.0;
    m_gravimetric.emplace(settings);
    if (ActuatorControl *control = m_bank->find(actuator))
        m_gravimetric->noteCommand(m_clock.nowMs(), control->feed()->commandedRate() * m_timeScale);
    AlarmDefinition definition;
    definition.id = gravimetricAlarmId;
    definition.text = tr("feed delivered (balance) differs from the commanded rate");
    definition.kind = AlarmKind::Instrument;
    definition.priority = AlarmPriority::Medium;
    m_alarms->addAlarm(definition);
}

void ControlSystem::installStationSafety(const StationSafety &safety)
{
    for (const AlarmDefinition &definition : safety.alarms)
        if (const QString error = m_alarms->addAlarm(definition); !error.isEmpty())
            qCWarning(lcControlSystem) << "station alarm not installed:" << error;
    for (const Interlock &interlock : safety.interlocks) {
        m_interlocks->addInterlock(interlock);
        // A trip is a high-priority alarm of its own (set and cleared by the monitor's signals above).
        AlarmDefinition trip;
        trip.id = QStringLiteral("interlock.") + interlock.name;
        trip.text = interlock.text;
        trip.priority = AlarmPriority::High;
        if (const QString error = m_alarms->addAlarm(trip); !error.isEmpty())
            qCWarning(lcControlSystem) << "interlock alarm not installed:" << error;
    }
}

QString ControlSystem::settingsKey(const QString &actuator) const
{
    return QStringLiteral("control/%1/%2/pid").arg(m_station, actuator);
}

PidTuning ControlSystem::savedPidTuning(const QString &actuator) const
{
    const QByteArray json = QSettings().value(settingsKey(actuator)).toByteArray();
    QString error;
    const PidTuning tuning = PidTuning::fromJson(QJsonDocument::fromJson(json).object(), &error);
    if (json.isEmpty() || !error.isEmpty()) {
        if (!error.isEmpty())
            qCWarning(lcControlSystem) << "saved PID tuning of" << actuator << "ignored:" << error;
        return m_defaultPid.value(actuator);
    }
    return tuning;
}

void ControlSystem::setDefaultPidTuning(const QString &actuator, const PidTuning &tuning,
                                        const QString &channel)
{
    m_defaultPid.insert(actuator, tuning);
    m_defaultPidChannel.insert(actuator, channel);
}

void ControlSystem::installDemoPidDefaults()
{
    auto tuning = [](double kp, double ki, double minimum, double maximum) {
        PidTuning t;
        t.kp = kp;
        t.ki = ki;
        t.outputMinimum = minimum;
        t.outputMaximum = maximum;
        return t;
    };
    // test_control_pid_sim checks the glucose loop, test_control_do_pid_sim the DO and pH loops with these.
    setDefaultPidTuning(QStringLiteral("feed_pump"), tuning(40.0, 1.0, 0.0, 100.0),
                        QStringLiteral("glucose"));
    setDefaultPidTuning(QStringLiteral("stirrer"), tuning(10.0, 3.0, 100.0, 1200.0), QStringLiteral("do"));
    setDefaultPidTuning(QStringLiteral("base_pump"), tuning(150.0, 0.5, 0.0, 50.0), QStringLiteral("ph"));
}

ActuatorControl *ControlSystem::harvestFor(const QString &actuator) const
{
    const QString harvest = QStringLiteral("harvest_pump");
    return actuator == harvest ? nullptr : m_bank->find(harvest);
}

void ControlSystem::savePidTuning(const QString &actuator, const PidTuning &tuning)
{
    QSettings().setValue(settingsKey(actuator),
                         QJsonDocument(tuning.toJson()).toJson(QJsonDocument::Compact));
}

QString ControlSystem::stopAll(const QString &reason)
{
    return m_bank->stopAll(m_users->actor(), reason);
}

void ControlSystem::onReadings(const QList<Reading> &readings)
{
    for (const Reading &reading : readings) {
        m_values.update(reading);
        m_interlocks->update(reading);
        m_alarms->update(reading);
        if (m_gravimetric && reading.channel == m_balanceChannel && reading.quality == Quality::Good) {
            m_gravimetric->addBalance(reading.sourceTimeMs, reading.value);
            const GravimetricStatus status = m_gravimetric->evaluate(reading.sourceTimeMs);
            m_lastGravimetric = status;
            m_alarms->setCondition(gravimetricAlarmId, status.alarm, status.deliveredMlPerH);
            Q_EMIT gravimetricUpdated(status);
        }
    }
}

void ControlSystem::onInstrumentState(const QString &instrument, LinkState state, const QString &lastError)
{
    // Reconnecting means the link dropped while wanted; Disconnected is a deliberate close (shutdown).
    const bool lost = state == LinkState::Reconnecting;
    // Degraded (requests timing out) is a communication alarm too, but the link still carries commands.
    if (state == LinkState::Degraded || state == LinkState::Connected)
        m_alarms->setFault(QStringLiteral("link.degraded.") + instrument, AlarmKind::Communication,
                           tr("%1: requests timing out (%2)").arg(instrument, lastError),
                           state == LinkState::Degraded, AlarmPriority::Medium);
    if ((!lost && state != LinkState::Connected) || (lost && m_lostInstruments.contains(instrument)))
        return;
    m_alarms->setFault(communicationAlarmId(instrument), AlarmKind::Communication,
                       tr("%1: connection lost (%2)").arg(instrument, lastError), lost);
    for (ActuatorControl *actuator : m_bank->actuators()) {
        if (m_instrumentOfActuator.value(actuator->name()) != instrument)
            continue;
        FeedController *feed = actuator->feed();
        if (lost) {
            // The pump may keep running at its last rate: leave automatic control and command the safe value.
            actuator->forceManual(tr("link to %1 lost").arg(instrument));
            feed->enterSafeState(tr("link to %1 lost").arg(instrument), Actor::system());
        } else if (m_lostInstruments.contains(instrument) && feed->targetRate() == feed->limits().safeValue) {
            // The command sent while the link was down may never have arrived: send it again.
            feed->enterSafeState(tr("link to %1 restored").arg(instrument), Actor::system());
        }
    }
    if (lost)
        m_lostInstruments.insert(instrument);
    else
        m_lostInstruments.remove(instrument);
}
