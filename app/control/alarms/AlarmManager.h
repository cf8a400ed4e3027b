#pragma once
// All alarms of a station. Readings drive the limit and rate-of-change conditions (Good values only; a Bad
// reading raises the channel's instrument alarm instead); interlocks, the gravimetric check and link faults
// set discrete conditions. Operator actions are checked against the actor's role here: acknowledge and shelve
// need an operator, out of service and limit changes a supervisor. Every transition is emitted for the run
// journal; every operator action (and every refusal) as an audit entry. Shelves expire on the injected clock.
#include "Actor.h"
#include "AlarmStateMachine.h"
#include "AlarmStatus.h"
#include "AuditEntry.h"
#include "ControlClock.h"
#include "FloodDetector.h"
#include "LimitDetector.h"
#include "Permission.h"
#include "RateOfChangeDetector.h"
#include "Reading.h"

#include <QObject>
#include <QStringList>
#include <QTimer>

#include <map>
#include <memory>

class AlarmManager : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 maxShelveMs = 24LL * 3600 * 1000;

    explicit AlarmManager(const ControlClock *clock, QObject *parent = nullptr);
    ~AlarmManager() override;

    QString
    addAlarm(const AlarmDefinition &definition); // error text when the id exists or the channel is missing
    QStringList alarmIds() const { return m_order; }
    AlarmStatus status(const QString &id) const;
    QList<AlarmStatus> statuses() const;
    bool flooding() const { return m_flooding; }

    void update(const Reading &reading);
    void setCondition(const QString &id, bool active, double value = 0.0);
    // Instrument and communication faults: the alarm is created on first use.
    void setFault(const QString &id, AlarmKind kind, const QString &text, bool active,
                  AlarmPriority priority = AlarmPriority::High);

    QString acknowledge(const QString &id, const Actor &actor, const QString &comment = {});
    // Acknowledges those of ids that need it; returns an error text for the first refusal.
    QString acknowledgeAll(const QStringList &ids, const Actor &actor);
    QString shelve(const QString &id, const Actor &actor, const QString &reason, qint64 durationMs);
    QString unshelve(const QString &id, const Actor &actor);
    QString removeFromService(const QString &id, const Actor &actor, const QString &reason);
    QString returnToService(const QString &id, const Actor &actor);
    QString changeLimit(const QString &id, const LimitSettings &settings, const Actor &actor);

    // Ends expired shelves and re-checks the flood; runs every second on a timer (tests call it).
    void checkTimers();

Q_SIGNALS:
    void transitioned(const AlarmTransition &transition);
    void audited(const AuditEntry &entry);
    void floodChanged(bool flooding, int alarmsInWindow);

private:
    struct Entry;
    Entry *find(const QString &id);
    static QString nameOf(const Entry &entry);
    bool permitted(const Actor &actor, Permission permission, const QString &id, const QString &attempted);
    void audit(const Actor &actor, const QString &id, const QString &oldValue, const QString &newValue,
               const QString &reason);
    bool apply(Entry &entry, AlarmInput input, const QString &cause);

    const ControlClock *m_clock;
    std::map<QString, std::unique_ptr<Entry>> m_entries;
    QStringList m_order;
    FloodDetector m_flood;
    bool m_flooding = false;
    QTimer m_timer;
};
