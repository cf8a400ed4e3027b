#pragma once
// Level control by the harvest pump, for a chemostat: harvest = inflow + gain x (V - V_set). The inflow (feed
// and base rates as their pumps report them) is fed forward, so the volume holds without a steady offset and
// the proportional term only corrects what is left; FeedController clamps the result to the pump's limits.
// With the volume or any inflow missing (not Good, stale) the output is held.
#include "ControlMode.h"

#include <QStringList>

class HarvestLevelMode : public ControlMode
{
public:
    // Volume in mL, gain in 1/h (so gain x mL is mL/h). The error decays with a time constant of 1/gain
    // hours; keep gain x (control period in process hours) well below 1.
    explicit HarvestLevelMode(double volumeSetpointMl, double gainPerHour = 1.0,
                              QString volumeChannel = QStringLiteral("volume"),
                              QStringList inflowChannels = {QStringLiteral("feed_rate"),
                                                            QStringLiteral("base_rate")});

    ControlModeKind kind() const override { return ControlModeKind::Level; }
    QString describe() const override;
    void begin(double, qint64) override {}
    std::optional<double> output(const ProcessValues &values, qint64 nowMs) override;

    double volumeSetpointMl() const { return m_setpointMl; }
    double gainPerHour() const { return m_gain; }

private:
    double m_setpointMl;
    double m_gain;
    QString m_volumeChannel;
    QStringList m_inflowChannels;
};
