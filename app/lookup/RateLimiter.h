#pragma once
// Sliding-window limiter for request starts: never more than `perSecond` starts in any window of one second
// (plus a guard for network jitter) and never more than `perMinute` in any minute. PubChem's policy is 5/s
// and 400/min; when its X-Throttling-Control header reports Yellow or Red the limits shrink further, and
// Black (blocked) allows one request a minute. The clock is injectable so tests can drive it virtually.
//
// One instance is shared by the whole program (programWide()); tests construct their own.
#include "ThrottlingControl.h"

#include <QtGlobal>

#include <deque>
#include <functional>

struct RateLimits
{
    int perSecond = 5;
    int perMinute = 400;
    int guardMs = 50; // spacing margin so arrival jitter at the server cannot squeeze 6 into one second
};

class RateLimiter
{
public:
    using Clock = std::function<qint64()>; // monotonic milliseconds

    using Limits = RateLimits;

    explicit RateLimiter(Limits limits = Limits(), Clock clock = {});

    static RateLimiter &programWide();

    // Milliseconds until one more request may start (0 = now).
    qint64 msUntilAllowed() const;
    // Records a request start now. Callers check msUntilAllowed() first.
    void recordRequest();

    void reportServerLoad(ServerLoad load); // Unknown (header missing) leaves the current level
    ServerLoad serverLoad() const { return m_load; }
    Limits baseLimits() const { return m_limits; }
    Limits effectiveLimits() const; // the base limits reduced for the reported server load
    qint64 now() const { return m_clock(); }

private:
    void prune(qint64 nowMs) const;

    Limits m_limits;
    Clock m_clock;
    ServerLoad m_load = ServerLoad::Unknown;
    mutable std::deque<qint64> m_starts; // within the last minute (+guard), oldest first
};
