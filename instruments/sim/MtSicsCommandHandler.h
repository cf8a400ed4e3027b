#pragma once
// The simulated balance under the feed bottle, speaking MT-SICS: S/SI weight (dynamic "S D" while the feed
// pump runs), Z zero, T tare, I4 serial number, @ reset; anything else "ES". Weight above the capacity is "S
// +".
#include <QByteArray>

class SimulatedReactor;

class MtSicsCommandHandler
{
public:
    explicit MtSicsCommandHandler(SimulatedReactor *reactor) : m_reactor(reactor) {}

    QByteArray handle(const QByteArray &line); // reply with CR LF

    static constexpr double capacityG = 4200.0;

private:
    QByteArray weightReply(const QByteArray &command);

    SimulatedReactor *m_reactor;
    double m_zeroG = 0.0;
    double m_tareG = 0.0;
};
