#pragma once
// Fault switches of one simulator face, for tests: delay replies, drop replies (with a probability), prefix
// replies with a garbage burst, split replies across two writes, and go silent ("disconnect": the cable is
// pulled; TCP faces also close their connections). Set from the command line (--fault face:spec) or at run
// time through the controller face (SIM:FAULT face spec). A spec is "delay=MS,drop=P,garbage=S,split=0|1,
// disconnect=S" (S in seconds from now) or "clear".
#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <functional>
#include <random>

class FaultSwitches
{
public:
    FaultSwitches();

    // Applies a spec; returns an error text, empty on success.
    QString apply(const QString &spec);
    void clear();

    bool disconnected() const;
    // Sends one reply through the active faults: write() may be called later (delay), twice (split) or never.
    void deliver(QByteArray reply, QObject *context, const std::function<void(const QByteArray &)> &write,
                 std::mt19937 &random) const;

    static QByteArray garbageBurst(std::mt19937 &random);

private:
    int m_delayMs = 0;
    double m_dropProbability = 0.0;
    bool m_split = false;
    qint64 m_garbageUntilMs = -1;
    qint64 m_disconnectedUntilMs = -1;
    QElapsedTimer m_clock;
};
