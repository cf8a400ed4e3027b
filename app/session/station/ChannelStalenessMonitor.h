#pragma once
// Turns silence into quality: a channel whose last reading is older than 3 poll periods is Uncertain, older
// than 5 Bad (checked every 200 ms, so the change shows within a second). A channel the device reports
// unavailable (overload, sensor error) is Bad at once. Never invents a reading; it only says how far the last
// one can be trusted now.
#include "Reading.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

class ChannelStalenessMonitor : public QObject
{
    Q_OBJECT
public:
    explicit ChannelStalenessMonitor(QObject *parent = nullptr, int checkIntervalMs = 200);

    void addChannel(const QString &channel, int pollPeriodMs);
    void noteReading(const Reading &reading);
    void markUnavailable(const QString &channel);
    Quality quality(const QString &channel) const;

    static constexpr int uncertainAfterPeriods = 3;
    static constexpr int badAfterPeriods = 5;

Q_SIGNALS:
    void qualityChanged(const QString &channel, Quality quality);

private:
    struct Channel
    {
        int pollPeriodMs = 1000;
        qint64 lastReadingMs = 0; // on m_clock
        Quality reported = Quality::Bad;
        Quality current = Quality::Bad;
    };
    void check();
    void update(const QString &name, Channel &channel, Quality quality);

    QHash<QString, Channel> m_channels;
    QElapsedTimer m_clock;
    QTimer m_timer;
};
