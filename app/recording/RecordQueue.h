#pragma once
// The hand-over between the session (GUI thread) and the writer thread. Bounded: past the bound, the producer
// is told (so an alarm can be raised) but nothing is dropped; the writer drains everything at its next flush.
#include "AuditEntry.h"
#include "ChannelInfo.h"
#include "Reading.h"

#include <QMutex>
#include <QString>
#include <QVector>

struct RunEvent
{
    qint64 timeMs;
    QString kind; // "run", "note", "alarm", "fault", "gap", ...
    QString text;
    qint64 endMs = 0; // events with a duration (gaps); 0 for instants
};

class RecordQueue
{
public:
    struct Batch
    {
        QVector<Reading> readings;
        QVector<AuditEntry> audit;
        QVector<RunEvent> events;
        QVector<ChannelInfo> channels; // declarations: label and range of a channel
        bool isEmpty() const
        {
            return readings.isEmpty() && audit.isEmpty() && events.isEmpty() && channels.isEmpty();
        }
    };

    explicit RecordQueue(int bound) : m_bound(bound) {}

    // Each returns false when the queue is over its bound after the push (the item is kept regardless).
    bool push(const Reading &reading);
    bool push(const QList<Reading> &readings); // one lock for many
    bool push(const AuditEntry &entry);
    bool push(const RunEvent &event);
    bool push(const ChannelInfo &channel);
    // The writer takes everything, then reports what it committed (possibly in several transactions) and puts
    // back what it could not write. Until then the batch still counts in depth() and against the bound: it is
    // not on disk yet.
    Batch takeAll();
    void markWritten(int records, int readings);
    void requeueFront(Batch batch);
    int depth() const;
    int bound() const { return m_bound; }

private:
    mutable QMutex m_mutex;
    Batch m_pending;
    int m_inFlight = 0;         // records taken by the writer and not yet written
    int m_inFlightReadings = 0; // of which readings (the bound counts readings)
    int m_bound;
};
