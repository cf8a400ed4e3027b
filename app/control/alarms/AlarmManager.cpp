#include "AlarmManager.h"

#include "PermissionMatrix.h"

#include <QLoggingCategory>

#include <cmath>

Q_LOGGING_CATEGORY(lcAlarms, "reactordesk.alarms")

struct AlarmManager::Entry
{
    AlarmStatus status;
    LimitDetector limit;
    std::unique_ptr<RateOfChangeDetector> rate;
};

// Messages go to people: they name an alarm the way the panel shows it, by its text, and by its id only when
// it has none.
QString AlarmManager::nameOf(const Entry &entry)
{
    const AlarmDefinition &d = entry.status.definition;
    return tr("the alarm \"%1\"").arg(d.text.isEmpty() ? d.id : d.text);
}

namespace {
LimitSettings limitSettingsOf(const AlarmDefinition &d)
{
    return {d.condition == AlarmCondition::LowLimit ? LimitSettings::Direction::Low
                                                    : LimitSettings::Direction::High,
            d.limit, d.deadband, d.onDelayMs, d.offDelayMs};
}

QString instrumentAlarmId(const QString &channel)
{
    return QStringLiteral("instrument.") + channel;
}
} // namespace

AlarmManager::AlarmManager(const ControlClock *clock, QObject *parent) : QObject(parent), m_clock(clock)
{
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &AlarmManager::checkTimers);
    m_timer.start();
}

AlarmManager::~AlarmManager() = default;

AlarmManager::Entry *AlarmManager::find(const QString &id)
{
    const auto it = m_entries.find(id);
    return it == m_entries.end() ? nullptr : it->second.get();
}

QString AlarmManager::addAlarm(const AlarmDefinition &definition)
{
    if (definition.id.isEmpty() || m_entries.count(definition.id))
        return tr("alarm '%1': the id is empty or already used").arg(definition.id);
    if (definition.condition != AlarmCondition::Discrete && definition.channel.isEmpty())
        return tr("alarm '%1': a limit or rate alarm needs a channel").arg(definition.id);
    auto entry = std::make_unique<Entry>();
    entry->status.definition = definition;
    entry->status.lastChangeMs = m_clock->nowMs();
    entry->limit.setSettings(limitSettingsOf(definition));
    if (definition.condition == AlarmCondition::RateOfChange)
        entry->rate = std::make_unique<RateOfChangeDetector>(definition.limit, definition.deadband,
                                                             definition.rateWindowMs, definition.onDelayMs,
                                                             definition.offDelayMs);
    m_entries.emplace(definition.id, std::move(entry));
    m_order.append(definition.id);
    return {};
}

AlarmStatus AlarmManager::status(const QString &id) const
{
    const auto it = m_entries.find(id);
    return it == m_entries.end() ? AlarmStatus{} : it->second->status;
}

QList<AlarmStatus> AlarmManager::statuses() const
{
    QList<AlarmStatus> result;
    for (const QString &id : m_order)
        result.append(m_entries.at(id)->status);
    return result;
}

bool AlarmManager::apply(Entry &entry, AlarmInput input, const QString &cause)
{
    AlarmStatus &s = entry.status;
    const AlarmStep step = AlarmStateMachine::next(s.state, input, s.conditionActive);
    if (!step.accepted || step.next == s.state)
        return step.accepted;
    const AlarmTransition transition{m_clock->nowMs(),  s.definition.id,       s.definition.text,
                                     s.definition.kind, s.definition.priority, s.state,
                                     step.next,         s.lastValue,           cause};
    const bool started = step.next == AlarmState::ActiveUnacked;
    s.state = step.next;
    s.lastChangeMs = transition.timeMs;
    qCInfo(lcAlarms) << s.definition.id << alarmStateName(transition.from) << "->"
                     << alarmStateName(step.next) << cause;
    Q_EMIT transitioned(transition);
    if (started) {
        m_flood.noteAlarmStarted(transition.timeMs);
        checkTimers();
    }
    return true;
}

void AlarmManager::update(const Reading &reading)
{
    const QString faultId = instrumentAlarmId(reading.channel);
    bool watched = false;
    for (auto &[id, entry] : m_entries) {
        const AlarmDefinition &d = entry->status.definition;
        if (d.channel != reading.channel || d.condition == AlarmCondition::Discrete)
            continue;
        watched = true;
        if (reading.quality != Quality::Good || !std::isfinite(reading.value))
            continue; // a doubtful value neither raises nor clears a process alarm
        const bool active = entry->rate ? entry->rate->update(reading.value, reading.sourceTimeMs)
                                        : entry->limit.update(reading.value, reading.sourceTimeMs);
        entry->status.lastValue = entry->rate ? entry->rate->slopePerMinute() : reading.value;
        if (active != entry->status.conditionActive) {
            entry->status.conditionActive = active;
            apply(*entry, active ? AlarmInput::ConditionActive : AlarmInput::ConditionCleared,
                  QStringLiteral("condition"));
        }
    }
    if (watched && (reading.quality == Quality::Bad || find(faultId)))
        setFault(faultId, AlarmKind::Instrument,
                 tr("%1: the instrument reports bad values").arg(reading.channel),
                 reading.quality == Quality::Bad, AlarmPriority::Medium);
}

void AlarmManager::setCondition(const QString &id, bool active, double value)
{
    Entry *entry = find(id);
    if (!entry)
        return;
    entry->status.lastValue = value;
    if (entry->status.conditionActive == active)
        return;
    entry->status.conditionActive = active;
    apply(*entry, active ? AlarmInput::ConditionActive : AlarmInput::ConditionCleared,
          QStringLiteral("condition"));
}

void AlarmManager::setFault(const QString &id, AlarmKind kind, const QString &text, bool active,
                            AlarmPriority priority)
{
    if (!find(id)) {
        if (!active)
            return;
        AlarmDefinition definition;
        definition.id = id;
        definition.text = text;
        definition.kind = kind;
        definition.priority = priority;
        addAlarm(definition);
    }
    setCondition(id, active);
}

bool AlarmManager::permitted(const Actor &actor, Permission permission, const QString &id,
                             const QString &attempted)
{
    if (PermissionMatrix::allows(actor.role, permission))
        return true;
    Q_EMIT audited(PermissionMatrix::refusal(actor, permission, QStringLiteral("alarm.") + id, attempted));
    return false;
}

void AlarmManager::audit(const Actor &actor, const QString &id, const QString &oldValue,
                         const QString &newValue, const QString &reason)
{
    Q_EMIT audited({m_clock->nowMs(), actor.user, roleName(actor.role), QStringLiteral("alarm.") + id,
                    oldValue, newValue, reason});
}

QString AlarmManager::acknowledge(const QString &id, const Actor &actor, const QString &comment)
{
    Entry *entry = find(id);
    if (!entry)
        return tr("there is no alarm %1").arg(id);
    if (!permitted(actor, Permission::AcknowledgeAlarms, id, QStringLiteral("acknowledge")))
        return PermissionMatrix::refusalText(actor, Permission::AcknowledgeAlarms);
    const AlarmState before = entry->status.state;
    if (!apply(*entry, AlarmInput::Acknowledge, tr("acknowledged by %1").arg(actor.user)))
        return tr("%1 is %2: nothing to acknowledge").arg(nameOf(*entry), alarmStateName(before));
    audit(actor, id, alarmStateName(before), alarmStateName(entry->status.state),
          comment.isEmpty() ? QStringLiteral("acknowledged") : comment);
    return {};
}

QString AlarmManager::acknowledgeAll(const QStringList &ids, const Actor &actor)
{
    for (const QString &id : ids) {
        Entry *entry = find(id);
        if (!entry || (entry->status.state != AlarmState::ActiveUnacked &&
                       entry->status.state != AlarmState::ReturnedUnacked))
            continue;
        const QString error = acknowledge(id, actor);
        if (!error.isEmpty())
            return error;
    }
    return {};
}

QString AlarmManager::shelve(const QString &id, const Actor &actor, const QString &reason, qint64 durationMs)
{
    Entry *entry = find(id);
    if (!entry)
        return tr("there is no alarm %1").arg(id);
    if (!permitted(actor, Permission::ShelveAlarms, id, QStringLiteral("shelve")))
        return PermissionMatrix::refusalText(actor, Permission::ShelveAlarms);
    if (reason.trimmed().isEmpty())
        return tr("shelving %1 needs a reason").arg(nameOf(*entry));
    if (durationMs <= 0 || durationMs > maxShelveMs)
        return tr("%1 can be shelved for up to %2 h").arg(nameOf(*entry)).arg(maxShelveMs / 3600000);
    const AlarmState before = entry->status.state;
    if (!apply(*entry, AlarmInput::Shelve, tr("shelved by %1").arg(actor.user)))
        return tr("%1 is %2 and cannot be shelved").arg(nameOf(*entry), alarmStateName(before));
    entry->status.shelvedUntilMs = m_clock->nowMs() + durationMs;
    entry->status.note = tr("%1 (%2)").arg(reason, actor.user);
    audit(actor, id, alarmStateName(before), QStringLiteral("shelved for %1 min").arg(durationMs / 60000.0),
          reason);
    return {};
}

QString AlarmManager::unshelve(const QString &id, const Actor &actor)
{
    Entry *entry = find(id);
    if (!entry)
        return tr("there is no alarm %1").arg(id);
    if (!permitted(actor, Permission::ShelveAlarms, id, QStringLiteral("unshelve")))
        return PermissionMatrix::refusalText(actor, Permission::ShelveAlarms);
    if (!apply(*entry, AlarmInput::Unshelve, tr("unshelved by %1").arg(actor.user)))
        return tr("%1 is not shelved").arg(nameOf(*entry));
    entry->status.shelvedUntilMs = 0;
    entry->status.note.clear();
    audit(actor, id, alarmStateName(AlarmState::Shelved), alarmStateName(entry->status.state),
          QStringLiteral("unshelved"));
    return {};
}

QString AlarmManager::removeFromService(const QString &id, const Actor &actor, const QString &reason)
{
    Entry *entry = find(id);
    if (!entry)
        return tr("there is no alarm %1").arg(id);
    if (!permitted(actor, Permission::ChangeAlarmSettings, id, QStringLiteral("out of service")))
        return PermissionMatrix::refusalText(actor, Permission::ChangeAlarmSettings);
    if (reason.trimmed().isEmpty())
        return tr("taking %1 out of service needs a reason").arg(nameOf(*entry));
    const AlarmState before = entry->status.state;
    if (!apply(*entry, AlarmInput::RemoveFromService, tr("out of service by %1").arg(actor.user)))
        return tr("%1 is already out of service").arg(nameOf(*entry));
    entry->status.shelvedUntilMs = 0;
    entry->status.note = tr("%1 (%2)").arg(reason, actor.user);
    audit(actor, id, alarmStateName(before), alarmStateName(AlarmState::OutOfService), reason);
    return {};
}

QString AlarmManager::returnToService(const QString &id, const Actor &actor)
{
    Entry *entry = find(id);
    if (!entry)
        return tr("there is no alarm %1").arg(id);
    if (!permitted(actor, Permission::ChangeAlarmSettings, id, QStringLiteral("return to service")))
        return PermissionMatrix::refusalText(actor, Permission::ChangeAlarmSettings);
    if (!apply(*entry, AlarmInput::ReturnToService, tr("returned to service by %1").arg(actor.user)))
        return tr("%1 is not out of service").arg(nameOf(*entry));
    entry->status.note.clear();
    audit(actor, id, alarmStateName(AlarmState::OutOfService), alarmStateName(entry->status.state),
          QStringLiteral("returned to service"));
    return {};
}

QString AlarmManager::changeLimit(const QString &id, const LimitSettings &settings, const Actor &actor)
{
    Entry *entry = find(id);
    if (!entry)
        return tr("there is no alarm %1").arg(id);
    auto describe = [](const LimitSettings &l) {
        return QStringLiteral("limit=%1 deadband=%2 on=%3ms off=%4ms")
            .arg(l.limit)
            .arg(l.deadband)
            .arg(l.onDelayMs)
            .arg(l.offDelayMs);
    };
    if (!permitted(actor, Permission::ChangeAlarmSettings, id, describe(settings)))
        return PermissionMatrix::refusalText(actor, Permission::ChangeAlarmSettings);
    AlarmDefinition &d = entry->status.definition;
    if (d.condition != AlarmCondition::HighLimit && d.condition != AlarmCondition::LowLimit)
        return tr("%1 has no level limit to change").arg(nameOf(*entry));
    if (!std::isfinite(settings.limit) || settings.deadband < 0 || settings.onDelayMs < 0 ||
        settings.offDelayMs < 0)
        return tr("%1: the limit must be a number, deadband and delays not negative").arg(nameOf(*entry));
    LimitSettings next = settings;
    next.direction =
        entry->limit.settings().direction; // a limit change never turns a high alarm into a low one
    audit(actor, id, describe(entry->limit.settings()), describe(next), QStringLiteral("limit changed"));
    entry->limit.setSettings(next);
    d.limit = next.limit;
    d.deadband = next.deadband;
    d.onDelayMs = next.onDelayMs;
    d.offDelayMs = next.offDelayMs;
    return {};
}

void AlarmManager::checkTimers()
{
    const qint64 now = m_clock->nowMs();
    for (const QString &id : std::as_const(m_order)) {
        Entry &entry = *m_entries.at(id);
        if (entry.status.state == AlarmState::Shelved && now >= entry.status.shelvedUntilMs) {
            apply(entry, AlarmInput::Unshelve, QStringLiteral("shelf expired"));
            entry.status.shelvedUntilMs = 0;
            entry.status.note.clear();
        }
    }
    const int count = m_flood.countInWindow(now);
    const bool flooding = m_flood.flooding(now);
    if (flooding != m_flooding) {
        m_flooding = flooding;
        qCWarning(lcAlarms) << "alarm flood" << (flooding ? "started" : "ended") << count;
        Q_EMIT floodChanged(flooding, count);
    }
}
