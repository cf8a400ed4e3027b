#include "RunRecorder.h"

#include "RunWriter.h"

#include <QCoreApplication>
#include <QMetaObject>

RunRecorder::RunRecorder(const QString &path, const QHash<QString, QString> &runInfo, QObject *parent,
                         int flushIntervalMs, int queueBound)
    : QObject(parent), m_path(path), m_queue(queueBound),
      m_writer(new RunWriter(path, runInfo, &m_queue, flushIntervalMs))
{
    m_thread.setObjectName(QStringLiteral("run-writer"));
    m_writer->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_writer, &QObject::deleteLater);
    connect(m_writer, &RunWriter::opened, this, &RunRecorder::opened);
    connect(m_writer, &RunWriter::failed, this, &RunRecorder::failed);
    connect(m_writer, &RunWriter::recovered, this, &RunRecorder::recovered);
    connect(m_writer, &RunWriter::committed, this, [this](qint64 total) {
        m_committed = total;
        if (m_overBound && m_queue.depth() <= m_queue.bound()) {
            m_overBound = false;
            Q_EMIT backlogCleared();
        }
        Q_EMIT committed(total);
    });
    connect(m_writer, &RunWriter::storageFailing, this, [this](const QString &message) {
        m_storageFailing = true;
        Q_EMIT storageFailing(message);
    });
    connect(m_writer, &RunWriter::storageRecovered, this, [this] {
        m_storageFailing = false;
        Q_EMIT storageRecovered();
    });
}

RunRecorder::~RunRecorder()
{
    stop();
}

void RunRecorder::setAnchorLocation(const AnchorLocation &location)
{
    m_writer->setAnchorLocation(location); // the writer thread has not started yet
}

void RunRecorder::start()
{
    m_thread.start();
    QMetaObject::invokeMethod(m_writer, &RunWriter::open, Qt::QueuedConnection);
}

void RunRecorder::stop()
{
    if (m_stopped || !m_thread.isRunning())
        return;
    m_stopped = true;
    QMetaObject::invokeMethod(m_writer, &RunWriter::close, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait(5000);
    // Deliver what the writer reported while closing (the last committed count) before anyone asks.
    QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
}

void RunRecorder::record(const Reading &reading)
{
    noteBound(m_queue.push(reading));
}

void RunRecorder::record(const QList<Reading> &readings)
{
    noteBound(m_queue.push(readings));
}

void RunRecorder::record(const AuditEntry &entry)
{
    noteBound(m_queue.push(entry));
}

void RunRecorder::record(const RunEvent &event)
{
    noteBound(m_queue.push(event));
}

void RunRecorder::addNote(const QString &text, const QString &user, const QString &role, qint64 timeMs)
{
    AuditEntry entry;
    entry.timeMs = timeMs;
    entry.user = user;
    entry.role = role;
    entry.object = QStringLiteral("run.note");
    entry.newValue = text;
    entry.reason = QStringLiteral("annotation");
    record(entry);
    record(RunEvent{timeMs, QStringLiteral("note"), text});
}

void RunRecorder::declareChannels(const QList<ChannelInfo> &channels)
{
    for (const ChannelInfo &channel : channels)
        m_queue.push(channel);
}

void RunRecorder::recoverUnfinishedRuns(const QString &folder)
{
    QMetaObject::invokeMethod(m_writer, "recoverFolder", Qt::QueuedConnection, Q_ARG(QString, folder));
}

void RunRecorder::noteBound(bool withinBound)
{
    if (!withinBound && !m_overBound) {
        m_overBound = true;
        Q_EMIT backlog(m_queue.depth());
    }
}
