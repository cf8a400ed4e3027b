#include "EventLoopLagProbe.h"

#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcLag, "reactordesk.lag", QtWarningMsg)

EventLoopLagProbe::EventLoopLagProbe(QObject *parent, int intervalMs, int windowMs)
    : QObject(parent), m_intervalMs(intervalMs), m_windowMs(windowMs)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &EventLoopLagProbe::onTick);
    m_clock.start();
    m_lastTickNs = m_clock.nsecsElapsed();
    m_timer.start();
}

double EventLoopLagProbe::maxLagMsInWindow() const
{
    double worst = 0.0;
    for (const auto &sample : m_samples)
        worst = std::max(worst, sample.second);
    return worst;
}

void EventLoopLagProbe::onTick()
{
    const qint64 nowNs = m_clock.nsecsElapsed();
    const double lagMs = std::max(0.0, (nowNs - m_lastTickNs) / 1e6 - m_intervalMs);
    m_lastTickNs = nowNs;
    const qint64 nowMs = nowNs / 1000000;
    m_samples.emplace_back(nowMs, lagMs);
    while (!m_samples.empty() && m_samples.front().first < nowMs - m_windowMs)
        m_samples.pop_front();
    m_maxEver = std::max(m_maxEver, lagMs);
    // Enable with QT_LOGGING_RULES="reactordesk.lag.debug=true" to see when the loop stalls.
    if (lagMs > 16.0)
        qCDebug(lcLag, "event loop stalled %.1f ms", lagMs);
    // Report about four times a second; consumers only display it.
    if (++m_ticksSinceReport * m_intervalMs >= 250) {
        m_ticksSinceReport = 0;
        Q_EMIT lagUpdated(maxLagMsInWindow());
    }
}
