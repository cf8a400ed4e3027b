#include "RateLimiter.h"

#include <QElapsedTimer>

#include <algorithm>

namespace {
constexpr qint64 kSecondMs = 1000;
constexpr qint64 kMinuteMs = 60000;

RateLimiter::Clock steadyClock()
{
    return [] {
        static QElapsedTimer timer = [] {
            QElapsedTimer started;
            started.start();
            return started;
        }();
        return timer.elapsed();
    };
}
} // namespace

RateLimiter::RateLimiter(Limits limits, Clock clock)
    : m_limits(limits), m_clock(clock ? std::move(clock) : steadyClock())
{
}

RateLimiter &RateLimiter::programWide()
{
    static RateLimiter limiter;
    return limiter;
}

RateLimiter::Limits RateLimiter::effectiveLimits() const
{
    Limits limits = m_limits;
    switch (m_load) {
    case ServerLoad::Yellow:
        limits.perSecond = std::max(1, limits.perSecond / 2);
        limits.perMinute = std::max(1, limits.perMinute / 2);
        break;
    case ServerLoad::Red:
        limits.perSecond = 1;
        limits.perMinute = std::max(1, limits.perMinute / 4);
        break;
    case ServerLoad::Black:
        limits.perSecond = 1;
        limits.perMinute = 1;
        break;
    case ServerLoad::Green:
    case ServerLoad::Unknown:
        break;
    }
    return limits;
}

void RateLimiter::prune(qint64 nowMs) const
{
    while (!m_starts.empty() && m_starts.front() <= nowMs - kMinuteMs - m_limits.guardMs)
        m_starts.pop_front();
}

qint64 RateLimiter::msUntilAllowed() const
{
    const qint64 nowMs = m_clock();
    prune(nowMs);
    const Limits limits = effectiveLimits();
    // With n starts allowed per window W, the next start must wait until the n-th most recent start has
    // left the window.
    const auto waitFor = [&](int allowed, qint64 windowMs) -> qint64 {
        if (int(m_starts.size()) < allowed)
            return 0;
        const qint64 nthMostRecent = m_starts[m_starts.size() - size_t(allowed)];
        return std::max<qint64>(0, nthMostRecent + windowMs + m_limits.guardMs - nowMs);
    };
    return std::max(waitFor(limits.perSecond, kSecondMs), waitFor(limits.perMinute, kMinuteMs));
}

void RateLimiter::recordRequest()
{
    const qint64 nowMs = m_clock();
    prune(nowMs);
    m_starts.push_back(nowMs);
}

void RateLimiter::reportServerLoad(ServerLoad load)
{
    if (load != ServerLoad::Unknown)
        m_load = load;
}
