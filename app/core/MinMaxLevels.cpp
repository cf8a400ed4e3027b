#include "MinMaxLevels.h"

#include <algorithm>

void MinMaxLevels::add(double timeSec, double value)
{
    push(0, Envelope{timeSec, timeSec, float(value), float(value)});
}

// Merges item into the open envelope of level index; a full envelope is closed and handed up.
void MinMaxLevels::push(int index, const Envelope &item)
{
    Level &level = m_levels[index];
    if (level.merged == 0) {
        level.open = item;
    } else {
        level.open.lastSec = item.lastSec;
        level.open.minimum = std::min(level.open.minimum, item.minimum);
        level.open.maximum = std::max(level.open.maximum, item.maximum);
    }
    if (++level.merged < factor)
        return;
    level.closed.push_back(level.open);
    level.merged = 0;
    if (index + 1 < levelCount)
        push(index + 1, level.open);
}

std::size_t MinMaxLevels::countIn(int level, double fromSec, double toSec) const
{
    const Level &l = m_levels[level - 1];
    const auto first = std::lower_bound(l.closed.cbegin(), l.closed.cend(), fromSec,
                                        [](const Envelope &e, double t) { return e.lastSec < t; });
    const auto last = std::upper_bound(first, l.closed.cend(), toSec,
                                       [](double t, const Envelope &e) { return t < e.firstSec; });
    const bool open = l.merged > 0 && l.open.lastSec >= fromSec && l.open.firstSec <= toSec;
    return std::size_t(last - first) + (open ? 1 : 0);
}

void MinMaxLevels::appendPoints(int level, double fromSec, double toSec, int mergeEvery,
                                QVector<double> *keys, QVector<double> *values) const
{
    const Level &l = m_levels[level - 1];
    Envelope merged{0, 0, 0, 0};
    int pending = 0;
    auto flush = [&] {
        keys->append(merged.firstSec);
        values->append(merged.minimum);
        keys->append(merged.lastSec);
        values->append(merged.maximum);
        pending = 0;
    };
    auto add = [&](const Envelope &e) {
        if (pending == 0) {
            merged = e;
        } else {
            merged.lastSec = e.lastSec;
            merged.minimum = std::min(merged.minimum, e.minimum);
            merged.maximum = std::max(merged.maximum, e.maximum);
        }
        if (++pending >= mergeEvery)
            flush();
    };
    auto it = std::lower_bound(l.closed.cbegin(), l.closed.cend(), fromSec,
                               [](const Envelope &e, double t) { return e.lastSec < t; });
    for (; it != l.closed.cend() && it->firstSec <= toSec; ++it)
        add(*it);
    if (l.merged > 0 && l.open.lastSec >= fromSec && l.open.firstSec <= toSec)
        add(l.open);
    if (pending > 0)
        flush();
}

std::size_t MinMaxLevels::bytesUsed() const
{
    std::size_t bytes = sizeof(*this);
    for (const Level &level : m_levels)
        bytes += level.closed.size() * sizeof(Envelope);
    return bytes;
}
