#pragma once
// The whole history of one channel as min/max envelopes at decreasing resolution: level 1 holds one
// envelope per 16 readings, level 2 one per 256, and so on (PulseView's scheme). Whatever the span shown,
// some level has about as many envelopes as the plot has pixels, so drawing reads O(pixels) points. Values
// are kept as float (display only; the run file keeps full precision). Bad readings are left out.
#include <QVector>

#include <cstdint>
#include <deque>
#include <vector>

struct Envelope
{
    double firstSec;
    double lastSec;
    float minimum;
    float maximum;
};

class MinMaxLevels
{
public:
    static constexpr int factor = 16;
    static constexpr int levelCount = 5; // 16 .. 16^5 readings per envelope

    void add(double timeSec, double value);
    // Envelopes of level (1-based) overlapping [fromSec, toSec], the still-open one at the end included.
    std::size_t countIn(int level, double fromSec, double toSec) const;
    // Two points (min, max) per envelope of level overlapping [fromSec, toSec], mergeEvery envelopes merged
    // into one so the count can be matched to the pixels between the factor-16 steps of the levels.
    void appendPoints(int level, double fromSec, double toSec, int mergeEvery, QVector<double> *keys,
                      QVector<double> *values) const;
    std::size_t size(int level) const { return m_levels[level - 1].closed.size(); }
    std::size_t bytesUsed() const;

private:
    struct Level
    {
        std::deque<Envelope> closed;
        Envelope open{0, 0, 0, 0};
        int merged = 0; // how many lower-level items the open envelope holds
    };
    void push(int index, const Envelope &item);

    Level m_levels[levelCount];
};
