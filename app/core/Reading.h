#pragma once
// One measured value as it leaves an instrument driver. The source owns time: sourceTimeMs is stamped once,
// where the value is read (UTC milliseconds since the epoch), and never changed downstream.
#include <QMetaType>
#include <QString>

#include <cstdint>

enum class Quality : std::uint8_t
{
    Good = 0,
    Uncertain = 1,
    Bad = 2
};

QString qualityName(Quality quality);
bool qualityFromName(const QString &name, Quality *quality);

struct Reading
{
    QString channel;
    std::int64_t sourceTimeMs = 0;
    double value = 0.0;
    QString unit;
    Quality quality = Quality::Good;
};

Q_DECLARE_METATYPE(Reading)
