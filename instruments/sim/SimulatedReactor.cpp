#include "SimulatedReactor.h"

#include <cmath>

SimulatedReactor::SimulatedReactor(quint32 seed, double speed, QObject *parent)
    : QObject(parent), m_speed(speed), m_random(seed)
{
    m_clock.start();
    m_timer.setInterval(50);
    connect(&m_timer, &QTimer::timeout, this, &SimulatedReactor::tick);
    m_timer.start();
}

QStringList SimulatedReactor::allChannels()
{
    return {QStringLiteral("ph"),           QStringLiteral("do"),        QStringLiteral("temperature"),
            QStringLiteral("od"),           QStringLiteral("glucose"),   QStringLiteral("volume"),
            QStringLiteral("balance"),      QStringLiteral("feed_rate"), QStringLiteral("base_rate"),
            QStringLiteral("harvest_rate"), QStringLiteral("stirrer")};
}

bool SimulatedReactor::measure(const QString &channel, double *value)
{
    const BioreactorState &s = m_physics.state();
    std::normal_distribution<double> noise(0.0, 1.0);
    const double n = noise(m_random);
    if (channel == QLatin1String("ph"))
        *value = s.pH + 0.005 * n;
    else if (channel == QLatin1String("do"))
        *value = std::max(0.0, s.dissolvedO2 + 0.3 * n);
    else if (channel == QLatin1String("temperature"))
        *value = s.temperature + 0.02 * n;
    else if (channel == QLatin1String("od"))
        *value = std::max(0.0, s.biomass * 2.5 * (1.0 + 0.01 * n)); // OD600 per g/L dry weight
    else if (channel == QLatin1String("glucose"))
        *value = std::max(0.0, s.glucose + 0.02 * n);
    else if (channel == QLatin1String("volume"))
        *value = s.volumeL * 1000.0;
    else if (channel == QLatin1String("balance"))
        *value = s.bottleMassG + 0.01 * n;
    else if (channel == QLatin1String("feed_rate"))
        *value = m_physics.feedRateMlPerH();
    else if (channel == QLatin1String("base_rate"))
        *value = m_physics.baseRateMlPerH();
    else if (channel == QLatin1String("harvest_rate"))
        *value = m_physics.harvestRateMlPerH();
    else if (channel == QLatin1String("stirrer"))
        *value = m_physics.stirrerRpm();
    else
        return false;
    return true;
}

QStringList SimulatedReactor::faceNames()
{
    return {QStringLiteral("sensors"), QStringLiteral("controller"), QStringLiteral("balance"),
            QStringLiteral("pump"),    QStringLiteral("arc_ph"),     QStringLiteral("arc_do"),
            QStringLiteral("modbus")};
}

QString SimulatedReactor::applyFault(const QString &face, const QString &spec)
{
    if (face != QLatin1String("all") && !faceNames().contains(face))
        return tr("unknown face \"%1\" (all, %2)").arg(face, faceNames().join(QStringLiteral(", ")));
    for (const QString &name : faceNames()) {
        if (face != QLatin1String("all") && name != face)
            continue;
        const QString error = faults(name).apply(spec);
        if (!error.isEmpty())
            return error;
    }
    return {};
}

void SimulatedReactor::tick()
{
    const qint64 now = m_clock.elapsed();
    const double dtHours = (now - m_lastTickMs) / 1000.0 * m_speed / 3600.0;
    m_lastTickMs = now;
    m_physics.advance(dtHours);
}
