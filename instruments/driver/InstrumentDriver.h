#pragma once
// What the session holds for every instrument, whatever its protocol: a name, the channels it reads, the
// state of its link, readings as they arrive, and one entry point for actuator commands. Drivers turn
// protocol replies into Readings stamped once, when the reply arrives; values outside a channel's plausible
// range are marked Bad.
#include "ChannelInfo.h"
#include "LinkEndpoint.h"
#include "LinkState.h"
#include "Reading.h"

#include <QObject>

#include <functional>

class InstrumentDriver : public QObject
{
    Q_OBJECT
public:
    using CommandDone = std::function<void(bool ok, const QString &error)>;

    InstrumentDriver(const QString &name, const QList<ChannelInfo> &channels, int pollPeriodMs,
                     QObject *parent = nullptr);

    QString name() const { return m_name; }
    QList<ChannelInfo> channels() const { return m_channels; }
    int pollPeriodMs() const { return m_pollPeriodMs; }

    virtual QString driverId() const = 0; // "mt-sics", "reglo-icc", ...
    virtual LinkState state() const = 0;
    virtual QString lastError() const = 0;
    virtual QString endpointText() const = 0;
    virtual void open() = 0;  // connect, or reconnect at once when connected
    virtual void close() = 0; // manual disconnect: no retries until open()
    // Where to connect from the next open() on (a device that reappeared under a new path or port).
    virtual void setEndpoint(const LinkEndpoint &endpoint) = 0;

    // Actuators this instrument drives (e.g. a pump's "rate"); command() sets one. done is always called
    // once.
    virtual QStringList actuators() const { return {}; }
    virtual void command(const QString &actuator, double value, CommandDone done);

Q_SIGNALS:
    void readingsReceived(const QList<Reading> &readings);
    // The device reported that a channel has no valid value now (overload, sensor error): no reading is
    // invented.
    void channelUnavailable(const QString &channel, const QString &reason);
    void stateChanged(LinkState state);
    void problem(const QString &message);
    void traffic(bool outgoing, const QByteArray &bytes);

protected:
    const ChannelInfo *channel(const QString &name) const;
    // A reading of a known channel at the current time; quality downgraded to Bad outside the plausible
    // range.
    Reading makeReading(const ChannelInfo &channel, double value, Quality quality) const;

private:
    QString m_name;
    QList<ChannelInfo> m_channels;
    int m_pollPeriodMs;
};
