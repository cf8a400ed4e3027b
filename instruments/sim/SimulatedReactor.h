#pragma once
// The simulator's one physics model plus what its instrument faces share: measurement noise (seeded), the
// pump limits of the simulated hardware, and fault switches. Advances on a timer, `speed` simulated seconds
// per second.
#include "BioreactorPhysics.h"
#include "FaultSwitches.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <random>

class SimulatedReactor : public QObject
{
    Q_OBJECT
public:
    SimulatedReactor(quint32 seed, double speed, QObject *parent = nullptr);

    BioreactorPhysics &physics() { return m_physics; }
    double speed() const { return m_speed; }

    // The value an instrument would report for a channel now, with its noise; false for an unknown channel.
    bool measure(const QString &channel, double *value);
    static QStringList allChannels();

    // The fault switches of one face (balance, pump, arc_ph, arc_do, scpi, modbus, sensors).
    FaultSwitches &faults(const QString &face) { return m_faults[face]; }
    // Applies a fault spec to one face, or to every face for "all"; returns an error text, empty on success.
    QString applyFault(const QString &face, const QString &spec);
    static QStringList faceNames();
    std::mt19937 &random() { return m_random; }

    static constexpr double maxFeedMlPerH = 500.0;
    static constexpr double maxBaseMlPerH = 200.0;
    static constexpr double maxHarvestMlPerH = 500.0;
    static constexpr double minStirrerRpm = 100.0;
    static constexpr double maxStirrerRpm = 1500.0;

private:
    void tick();

    BioreactorPhysics m_physics;
    double m_speed;
    std::mt19937 m_random;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastTickMs = 0;
    QHash<QString, FaultSwitches> m_faults;
};
