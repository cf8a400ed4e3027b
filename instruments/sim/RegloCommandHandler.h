#pragma once
// The simulated Reglo ICC feed pump (address 1) whose running rate drives the physics' feed. Status replies
// are one unterminated character, data replies end in CR LF, numbers are volume type. Commands for other
// addresses get no answer (another pump on the bus would answer).
#include <QByteArray>

class SimulatedReactor;

class RegloCommandHandler
{
public:
    explicit RegloCommandHandler(SimulatedReactor *reactor, int address = 1)
        : m_reactor(reactor), m_address(address)
    {
    }

    QByteArray handle(const QByteArray &line);
    bool running() const { return m_running; }

    static constexpr double maxMlPerMin = 8.0;

private:
    void applyToPhysics();

    SimulatedReactor *m_reactor;
    int m_address;
    bool m_running = false;
    bool m_clockwise = true;
    double m_rateMlPerMin = 0.0;
};
