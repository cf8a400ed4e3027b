#pragma once
// Records a run to one SQLite file from the GUI thread without touching the disk there: readings, audit
// entries and events go into a bounded RecordQueue; a RunWriter on its own thread commits them every flush
// interval.
//
// Nothing is dropped: past the queue bound backlog() is emitted (raise an alarm), and while the disk refuses
// writes storageFailing() is emitted once and the records stay queued in memory until storageRecovered().
#include "AnchorLocation.h"
#include "ChannelInfo.h"
#include "RecordQueue.h"
#include "RunRecovery.h"

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
    // Before start(): where the run's anchor log and the installation key are kept (outside the run file);
    // AnchorLocation::standard() unless set.
    void setAnchorLocation(const AnchorLocation &location);
    void start();
    // Flushes what is queued, marks the run finished and closes the file; waits for the writer thread
    // (bounded) to finish.
    void stop();

    void record(const Reading &reading);
    void record(const QList<Reading> &readings);
    void record(const AuditEntry &entry);
    void record(const RunEvent &event);
    // An operator's annotation ("inoculated", "sample taken: OD 2.31"): an event on the run's timeline and
    // a row in the audit trail (object "run.note").
    void addNote(const QString &text, const QString &user, const QString &role, qint64 timeMs);
    // Label and plausible range of channels, for exports and for opening the run later.
    void declareChannels(const QList<ChannelInfo> &channels);
    // On the writer thread: finds unfinished runs in folder (not this one, not live ones), marks their gap
    // and closes them; each is reported by recovered().
    void recoverUnfinishedRuns(const QString &folder);

    int queueDepth() const { return m_queue.depth(); }
    int queueBound() const { return m_queue.bound(); }
    qint64 committedReadings() const { return m_committed; }
    bool isStorageFailing() const { return m_storageFailing; }
    bool isOverBound() const { return m_overBound; }

Q_SIGNALS:
    void opened();
    void failed(const QString &message);
    void committed(qint64 readingsCommitted);
    void backlog(int depth); // the queue went over its bound: the disk cannot keep up (nothing is dropped)
    void backlogCleared();
    void storageFailing(const QString &message); // first failed write (disk full, I/O error)
    void storageRecovered();                     // the queued records were written after all
    void recovered(const RunRecovery::Outcome &outcome);

private:
    void noteBound(bool withinBound);

    QString m_path;
    RecordQueue m_queue;
    QThread m_thread;
    RunWriter *m_writer;
    qint64 m_committed = 0;
    bool m_overBound = false;
    bool m_storageFailing = false;
    bool m_stopped = false;
};
