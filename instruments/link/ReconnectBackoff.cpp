#include "ReconnectBackoff.h"

#include <algorithm>

int ReconnectBackoff::nextDelayMs()
{
    const double base = std::min<double>(capMs, initialMs * double(1u << std::min(m_attempt, 16)));
    ++m_attempt;
    const double jitter = 0.8 + 0.4 * QRandomGenerator::global()->generateDouble();
    return int(base * jitter);
}
