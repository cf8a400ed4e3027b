#pragma once
// Records a run to one SQLite file from the GUI thread without touching the disk there: readings, audit
// entries and events go into a bounded RecordQueue; a RunWriter on its own thread commits them every flush
// interval.
#include "RecordQueue.h"

#include <QHash>
#include <QObject>
#include <QThread>

class RunWriter;

class RunRecorder : public QObject
{
    Q_OBJECT
public:
    static constexpr int defaultFlushIntervalMs = 50;
    static constexpr int defaultQueueBound = 500000;

    RunRecorder(const QString &path, const QHash<QString, QString> &runInfo, QObject *parent = nullptr,
                int flushIntervalMs = defaultFlushIntervalMs, int queueBound = defaultQueueBound);
    ~RunRecorder() override;

    QString path() const { return m_path; }
    void start();
    // Flushes what is queued and closes the file; waits for the writer thread (bounded) to finish.
    void stop();

    void record(const Reading &reading);
    void record(const QList<Reading> &readings);
    void record(const AuditEntry &entry);
    void record(const RunEvent &event);
    int queueDepth() const { return m_queue.depth(); }
    qint64 committedReadings() const { return m_committed; }

Q_SIGNALS:
    void opened();
    void failed(const QString &message);
    void committed(qint64 readingsCommitted);
    void backlog(int depth); // the queue is over its bound: the disk cannot keep up

private:
    void noteBound(bool withinBound);

    QString m_path;
    RecordQueue m_queue;
    QThread m_thread;
    RunWriter *m_writer;
    qint64 m_committed = 0;
    bool m_overBound = false;
    bool m_stopped = false;
};
