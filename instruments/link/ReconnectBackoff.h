#pragma once
// Delay before the next reconnect attempt: 0.5 s doubling to a 30 s cap, each with +-20 % jitter so that many
// instruments that lost the same hub do not all retry in the same instant.
#include <QRandomGenerator>

class ReconnectBackoff
{
public:
    int nextDelayMs();
    void reset() { m_attempt = 0; }
    int attempt() const { return m_attempt; }

    static constexpr int initialMs = 500;
    static constexpr int capMs = 30000;

private:
    int m_attempt = 0;
};
