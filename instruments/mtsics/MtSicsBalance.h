#pragma once
// Driver for a Mettler Toledo balance speaking MT-SICS (ASCII, CR LF both ways). Polls SI (immediate weight):
// a stable weight is Good, a dynamic one Uncertain; overload and underload make the channel unavailable. S, T
// and Z wait for the balance to settle and get the long stability timeout. One command at a time per link.
#include "MtSicsReply.h"
#include "StreamInstrument.h"

class MtSicsBalance : public StreamInstrument
{
    Q_OBJECT
public:
    using ReplyHandler = std::function<void(bool replied, const MtSicsReply &reply)>;

    MtSicsBalance(const QString &name, const LinkEndpoint &endpoint, const ChannelInfo &weightChannel,
                  int pollPeriodMs, int timeoutMs, int stabilityTimeoutMs, QObject *parent = nullptr);

    QString driverId() const override { return QStringLiteral("mt-sics"); }
    QStringList actuators() const override { return {QStringLiteral("tare"), QStringLiteral("zero")}; }
    void command(const QString &actuator, double value, CommandDone done) override;

    // Sends a command ("S", "SI", "Z", "T", "I4", "@"); the timeout follows from the command.
    void request(const QByteArray &command, ReplyHandler handler);
    QString serialNumber() const { return m_serialNumber; }

protected:
    void poll() override;
    void onConnected() override;

private:
    void publishWeight(const MtSicsReply &reply);

    ChannelInfo m_weight;
    int m_stabilityTimeoutMs;
    QString m_serialNumber;
};
