#pragma once
// A real "disk full" for tests: RLIMIT_FSIZE lowered under a growing file makes the kernel refuse the write
// with EFBIG (SIGXFSZ ignored so the process is not killed); and a steady producer of numbered readings, so
// a test can check afterwards that each was written exactly once.
#include "RunRecorder.h"

#include <QObject>
#include <QTimer>

#include <csignal>
#include <sys/resource.h>

#include <algorithm>

namespace DiskFullFixture {
inline void ignoreFileSizeSignal()
{
    std::signal(SIGXFSZ, SIG_IGN);
}

inline bool setFileSizeLimit(rlim_t bytes)
{
    rlimit limit{};
    if (getrlimit(RLIMIT_FSIZE, &limit) != 0)
        return false;
    limit.rlim_cur = std::min(bytes, limit.rlim_max);
    return setrlimit(RLIMIT_FSIZE, &limit) == 0;
}

// 1000 readings every 20 ms (50,000 per second) on channel "seq", values numbered 0, 1, 2, ...
class NumberedProducer
{
public:
    explicit NumberedProducer(RunRecorder *recorder)
    {
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this, recorder] {
            QList<Reading> batch;
            for (int i = 0; i < 1000; ++i, ++m_produced)
                batch << Reading{QStringLiteral("seq"), 1763769600000 + m_produced, double(m_produced),
                                 QStringLiteral("n"), Quality::Good};
            recorder->record(batch);
        });
    }
    void start() { m_timer.start(20); }
    void stop() { m_timer.stop(); }
    qint64 produced() const { return m_produced; }

private:
    QTimer m_timer;
    qint64 m_produced = 0;
};
} // namespace DiskFullFixture
