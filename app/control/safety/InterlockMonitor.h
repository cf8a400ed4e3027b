#pragma once
// Watches the interlock channels and trips: the named FeedControllers are inhibited (safe state, held) once
// Good readings have stayed outside the band for the interlock's delay. reset() releases them once the value
// is back inside and no other tripped interlock still holds them.
#include "Actor.h"
#include "AuditEntry.h"
#include "Interlock.h"
#include "Reading.h"

#include <QHash>
#include <QObject>

class FeedController;

class InterlockMonitor : public QObject
{
    Q_OBJECT
public:
    explicit InterlockMonitor(QObject *parent = nullptr) : QObject(parent) {}

    void addActuator(FeedController *feed);
    void addInterlock(const Interlock &interlock);
    QList<Interlock> interlocks() const;
    bool isTripped(const QString &name) const { return m_states.value(name).tripped; }

    void update(const Reading &reading);
    QString reset(const QString &name, const Actor &actor);

Q_SIGNALS:
    void tripped(const QString &name, const QString &text, double value);
    void cleared(const QString &name);
    void audited(const AuditEntry &entry);

private:
    struct State
    {
        Interlock interlock;
        bool tripped = false;
        bool inside = true;         // the last Good value was inside the band
        qint64 outsideSinceMs = -1; // source time of the first Good value of the present excursion
    };
    QHash<QString, State> m_states;
    QStringList m_order;
    QHash<QString, FeedController *> m_actuators;
};
