#pragma once
// Chemostat: feed F = D x V at a constant dilution rate D (1/h), V read from the volume channel (mL), so F is
// in mL/h. With no valid volume reading the output is held.
#include "ControlMode.h"

class ChemostatMode : public ControlMode
{
public:
    ChemostatMode(double dilutionPerHour, QString volumeChannel = QStringLiteral("volume"))
        : m_dilution(dilutionPerHour), m_volumeChannel(std::move(volumeChannel))
    {
    }
    ControlModeKind kind() const override { return ControlModeKind::Chemostat; }
    QString describe() const override
    {
        return QStringLiteral("chemostat D=%1 1/h x %2").arg(m_dilution).arg(m_volumeChannel);
    }
    void begin(double, qint64) override {}
    std::optional<double> output(const ProcessValues &values, qint64 nowMs) override
    {
        const std::optional<double> volume = values.value(m_volumeChannel, nowMs);
        if (!volume)
            return std::nullopt;
        return m_dilution * *volume;
    }
    double dilutionPerHour() const { return m_dilution; }

private:
    double m_dilution;
    QString m_volumeChannel;
};
