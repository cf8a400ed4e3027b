#pragma once
// The latest usable value of each channel, as control modes see them. Only Good readings are kept: an
// Uncertain or Bad reading removes the channel's value, so a controller holds its output instead of acting on
// a doubtful or stale number. Values older than maxAgeMs count as missing too.
#include "Reading.h"

#include <QHash>

#include <optional>

class ProcessValues
{
public:
    explicit ProcessValues(qint64 maxAgeMs = 10000) : m_maxAgeMs(maxAgeMs) {}

    void update(const Reading &reading);
    std::optional<double> value(const QString &channel, qint64 nowMs) const;
    int rejectedReadings() const { return m_rejected; }

private:
    struct Latest
    {
        double value;
        qint64 timeMs;
    };
    QHash<QString, Latest> m_latest;
    qint64 m_maxAgeMs;
    int m_rejected = 0;
};
