#include "RecordQueue.h"

bool RecordQueue::push(const Reading &reading)
{
    QMutexLocker lock(&m_mutex);
    m_pending.readings.append(reading);
    return m_pending.readings.size() + m_inFlightReadings <= m_bound;
}

bool RecordQueue::push(const QList<Reading> &readings)
{
    QMutexLocker lock(&m_mutex);
    m_pending.readings.append(readings);
    return m_pending.readings.size() + m_inFlightReadings <= m_bound;
}

bool RecordQueue::push(const AuditEntry &entry)
{
    QMutexLocker lock(&m_mutex);
    m_pending.audit.append(entry);
    return m_pending.readings.size() + m_inFlightReadings <= m_bound;
}

bool RecordQueue::push(const RunEvent &event)
{
    QMutexLocker lock(&m_mutex);
    m_pending.events.append(event);
    return m_pending.readings.size() + m_inFlightReadings <= m_bound;
}

bool RecordQueue::push(const ChannelInfo &channel)
{
    QMutexLocker lock(&m_mutex);
    m_pending.channels.append(channel);
    return m_pending.readings.size() + m_inFlightReadings <= m_bound;
}

RecordQueue::Batch RecordQueue::takeAll()
{
    QMutexLocker lock(&m_mutex);
    Batch batch;
    std::swap(batch, m_pending);
    m_inFlightReadings = int(batch.readings.size());
    m_inFlight =
        int(batch.readings.size() + batch.audit.size() + batch.events.size() + batch.channels.size());
    return batch;
}

void RecordQueue::markWritten(int records, int readings)
{
    QMutexLocker lock(&m_mutex);
    m_inFlight -= records;
    m_inFlightReadings -= readings;
}

int RecordQueue::depth() const
{
    QMutexLocker lock(&m_mutex);
    return m_inFlight + int(m_pending.readings.size() + m_pending.audit.size() + m_pending.events.size() +
                            m_pending.channels.size());
}

void RecordQueue::requeueFront(Batch batch)
{
    QMutexLocker lock(&m_mutex);
    batch.readings.append(m_pending.readings);
    batch.audit.append(m_pending.audit);
    batch.events.append(m_pending.events);
    batch.channels.append(m_pending.channels);
    std::swap(batch, m_pending);
    m_inFlight = m_inFlightReadings = 0;
}
