#pragma once
// The progress of one job on the thread pool, shared by the dialog that shows it and the job itself, which
// may outlive the dialog (so it is held by shared_ptr on both sides): the job writes done/total through
// callback(), the dialog reads them on a timer and sets cancel to stop it.
#include <QtGlobal>

#include <atomic>
#include <functional>
#include <memory>

struct PoolJobProgress
{
    std::atomic<qint64> done{0};
    std::atomic<qint64> total{0};
    std::atomic<bool> cancel{false};

    // The progress callback RunExporter and RunVerifier take: records the figures, false once cancelled.
    static std::function<bool(qint64, qint64)> callback(const std::shared_ptr<PoolJobProgress> &progress)
    {
        return [progress](qint64 done, qint64 total) {
            progress->done = done;
            progress->total = total;
            return !progress->cancel;
        };
    }
};
