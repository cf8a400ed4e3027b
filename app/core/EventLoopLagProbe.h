#pragma once
// Measures how late the event loop runs a timer that should fire every intervalMs: the lateness is the time
// the loop was blocked. Reports the maximum over a sliding window (one second by default).
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <deque>

class EventLoopLagProbe : public QObject
{
    Q_OBJECT
public:
    explicit EventLoopLagProbe(QObject *parent = nullptr, int intervalMs = 10, int windowMs = 1000);

    double maxLagMsInWindow() const;
    double maxLagMsEver() const { return m_maxEver; }
    void resetMaximum() { m_maxEver = 0.0; }

Q_SIGNALS:
    void lagUpdated(double maxLagMsInWindow);

private:
    void onTick();

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastTickNs = 0;
    int m_intervalMs;
    int m_windowMs;
    std::deque<std::pair<qint64, double>> m_samples; // (tick time ms, lag ms)
    double m_maxEver = 0.0;
    int m_ticksSinceReport = 0;
};
