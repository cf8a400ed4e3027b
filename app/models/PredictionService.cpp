#include "PredictionService.h"

#include "ModelsLog.h"
#include "PredictionPipeline.h"

#include <QtConcurrent/QtConcurrentRun>

PredictionService::PredictionService(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<PredictionResult>();
}

PredictionService::~PredictionService()
{
    // Never wait here (this is the GUI thread): the task owns its snapshot and flag, sees the flag and ends
    // on its own; its watcher is deleted with us, so nothing is delivered.
    if (m_running)
        m_running->cancel->store(true);
}

quint64 PredictionService::submit(const PredictionSnapshot &snapshot)
{
    const quint64 sequence = ++m_sequence;
    if (m_running) {
        m_running->cancel->store(true);
        if (m_pending)
            Q_EMIT staleResultDropped(m_pending->first);
        m_pending.emplace(sequence, snapshot);
        qCDebug(lcModels) << "prediction" << sequence << "queued; cancelling" << m_running->sequence;
        return sequence;
    }
    start(sequence, snapshot);
    setBusy(true);
    return sequence;
}

void PredictionService::cancelAll()
{
    if (m_running)
        m_running->cancel->store(true);
    if (m_pending) {
        Q_EMIT staleResultDropped(m_pending->first);
        m_pending.reset();
    }
    // Everything submitted so far is now stale.
    m_delivered = std::max(m_delivered, m_sequence);
}

void PredictionService::start(quint64 sequence, const PredictionSnapshot &snapshot)
{
    m_running = std::make_unique<Running>();
    m_running->sequence = sequence;
    m_running->cancel = std::make_shared<std::atomic_bool>(false);
    m_running->watcher = new QFutureWatcher<PredictionResult>(this);
    connect(m_running->watcher, &QFutureWatcherBase::finished, this, &PredictionService::onFinished);
    std::shared_ptr<std::atomic_bool> cancel = m_running->cancel;
    m_running->watcher->setFuture(QtConcurrent::run([snapshot, cancel, sequence] {
        PredictionResult result = runPrediction(snapshot, cancel.get());
        result.sequence = sequence;
        return result;
    }));
}

void PredictionService::setBusy(bool busy)
{
    if (busy == m_busyReported)
        return;
    m_busyReported = busy;
    Q_EMIT busyChanged(busy);
}

void PredictionService::onFinished()
{
    const std::unique_ptr<Running> finished = std::move(m_running);
    const PredictionResult result = finished->watcher->result();
    finished->watcher->deleteLater();
    const bool stale =
        finished->cancel->load() || finished->sequence != m_sequence || finished->sequence <= m_delivered;
    // Start the pending request before emitting, so slots that submit again see a consistent state.
    if (m_pending) {
        const auto [sequence, snapshot] = std::move(*m_pending);
        m_pending.reset();
        start(sequence, snapshot);
    }
    if (stale) {
        qCDebug(lcModels) << "prediction" << finished->sequence << "superseded, result dropped";
        Q_EMIT staleResultDropped(finished->sequence);
    } else {
        m_delivered = finished->sequence;
        qCDebug(lcModels) << "prediction" << finished->sequence << "done in" << result.computeMs << "ms";
        if (result.ok)
            Q_EMIT resultReady(result);
        else
            Q_EMIT failed(result.sequence, result.error);
    }
    if (!m_running)
        setBusy(false);
}
