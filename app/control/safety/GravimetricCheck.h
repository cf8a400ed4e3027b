#pragma once
// Compares the feed actually delivered, from the slope of the feed bottle's weight on the balance, with the
// rate commanded (time-averaged over the same window). A deviation beyond the tolerance that lasts
// holdSeconds raises the condition (pump drift, worn tubing, empty bottle, a blocked line). Only Good balance
// readings count; a weight jump upward (the bottle refilled) restarts the window.
#include <QtGlobal>

#include <deque>
#include <utility>

struct GravimetricSettings
{
    double feedDensityGPerMl = 1.15;
    double windowSeconds = 600.0;
    double toleranceMlPerH = 2.0;    // absolute part of the tolerance
    double toleranceFraction = 0.10; // plus this fraction of the commanded rate
    double holdSeconds = 300.0;
    double refillJumpG = 5.0; // a rise bigger than this is a refill, not noise
};

struct GravimetricStatus
{
    bool valid = false; // enough data over the window to judge
    double deliveredMlPerH = 0.0;
    double commandedMlPerH = 0.0;
    bool deviating = false;
    bool alarm = false; // deviating for at least holdSeconds
};

class GravimetricCheck
{
public:
    explicit GravimetricCheck(const GravimetricSettings &settings = {}) : m_settings(settings) {}

    void addBalance(qint64 timeMs, double grams);
    void noteCommand(qint64 timeMs, double rateMlPerH);
    GravimetricStatus evaluate(qint64 nowMs);
    const GravimetricSettings &settings() const { return m_settings; }

private:
    double averageCommand(qint64 fromMs, qint64 toMs) const;
    void dropBefore(qint64 timeMs);

    GravimetricSettings m_settings;
    std::deque<std::pair<qint64, double>> m_weights;  // (ms, g)
    std::deque<std::pair<qint64, double>> m_commands; // (ms, mL/h) from that time on
    qint64 m_deviatingSinceMs = -1;
};
