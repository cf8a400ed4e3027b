#pragma once
// Runs the models off the GUI thread. submit() copies a snapshot and starts runPrediction() with
// QtConcurrent::run; the result comes back through a QFutureWatcher on the caller's thread. Latest wins: at
// most one computation runs, a newer snapshot cancels it (shared atomic flag checked by the solvers and the
// optimiser) and waits as the single pending request, and a result whose sequence is not the newest is
// dropped, so an old snapshot's result never overwrites a newer one. No widget headers: the session owns the
// service, the UI draws its results.
#include "PredictionSnapshot.h"

#include <QFutureWatcher>
#include <QObject>

#include <atomic>
#include <memory>
#include <optional>

class PredictionService : public QObject
{
    Q_OBJECT
public:
    explicit PredictionService(QObject *parent = nullptr);
    ~PredictionService() override;

    // Returns the request's sequence number (increasing); results carry it back.
    quint64 submit(const PredictionSnapshot &snapshot);
    // Cancels the running request and drops the pending one; nothing more is delivered for them.
    void cancelAll();

    bool isBusy() const { return m_running != nullptr; }
    quint64 latestSequence() const { return m_sequence; }
    quint64 deliveredSequence() const { return m_delivered; }

Q_SIGNALS:
    void resultReady(const PredictionResult &result); // only ever for the newest request, in increasing order
    void failed(quint64 sequence, const QString &error);
    void
    staleResultDropped(quint64 sequence); // a superseded request finished (or was cancelled) and was ignored
    void busyChanged(bool busy);

private:
    struct Running
    {
        quint64 sequence = 0;
        std::shared_ptr<std::atomic_bool> cancel;
        QFutureWatcher<PredictionResult> *watcher = nullptr;
    };

    void start(quint64 sequence, const PredictionSnapshot &snapshot);
    void onFinished();
    void setBusy(bool busy);

    std::unique_ptr<Running> m_running;
    std::optional<std::pair<quint64, PredictionSnapshot>> m_pending;
    quint64 m_sequence = 0;
    quint64 m_delivered = 0;
    bool m_busyReported = false;
};
