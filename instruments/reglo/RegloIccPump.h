#pragma once
// Driver for an Ismatec Reglo ICC peristaltic pump: commands "<addr><code>[data]" CR. Status replies are ONE
// unterminated character ('*' done, '#' refused, '+'/'-' yes/no); data replies end in CR LF; numbers use the
// volume type (RegloNumber). At every (re)connect it switches unsolicited events off and stops the pump, so a
// reconnect never restarts a pump by itself; only a command does. The channel reports the delivered rate in
// mL/h (0 while stopped); the actuator sets the rate in mL/h and starts (or, for 0, stops) the pump.
#include "StreamInstrument.h"

class RegloIccPump : public StreamInstrument
{
    Q_OBJECT
public:
    enum class Status
    {
        Done,
        Refused,
        Yes,
        No
    };
    using StatusHandler = std::function<void(bool replied, Status status)>;
    using DataHandler = std::function<void(bool replied, bool refused, const QByteArray &data)>;

    RegloIccPump(const QString &name, const LinkEndpoint &endpoint, int address,
                 const ChannelInfo &rateChannel, const QString &actuatorName, int pollPeriodMs, int timeoutMs,
                 QObject *parent = nullptr);

    QString driverId() const override { return QStringLiteral("reglo-icc"); }
    QStringList actuators() const override { return {m_actuator}; }
    void command(const QString &actuator, double value, CommandDone done) override;

    // A command answered by one status character, and one answered by a data line (or a bare '#').
    void requestStatus(const QByteArray &code, StatusHandler handler);
    void requestData(const QByteArray &code, DataHandler handler);

protected:
    void poll() override;
    void onConnected() override;

private:
    QByteArray frame(const QByteArray &code) const;
    void startAtRate(double mlPerH, CommandDone done);

    int m_address;
    ChannelInfo m_rate;
    QString m_actuator;
    bool m_running = false;
    // The last rate the pump confirmed, in the operator's unit: reported exactly while the pump still reports
    // the same 4-digit volume-type number (80 mL/h is 1.333 mL/min on the wire, not 79.98 mL/h).
    double m_confirmedMlPerH = -1.0;
};
