#pragma once
// Driver for an instrument speaking a SCPI-style line protocol (newline-terminated, port 5025 style). Each
// channel is read by a query from the station's channel->query map (default READ?, whose reply carries
// name=value fields for several channels); each actuator is set by "<command> <value>", answered by OK or an
// ERR line. Readings are stamped when the reply arrives.
#include "ScpiReply.h"
#include "StreamInstrument.h"

#include <QMap>

class ScpiInstrument : public StreamInstrument
{
    Q_OBJECT
public:
    using ReplyHandler = std::function<void(const ScpiReply &reply, bool timedOut)>;
    using RawHandler = std::function<void(bool ok, const QByteArray &line)>;

    // queries: channel -> query; channels not listed are read from READ? fields.
    // setCommands: actuator -> command header, sent as "<header> <value>".
    ScpiInstrument(const QString &name, const LinkEndpoint &endpoint, const QList<ChannelInfo> &channels,
                   int pollPeriodMs, int timeoutMs, const QMap<QString, QByteArray> &queries = {},
                   const QMap<QString, QByteArray> &setCommands = {}, QObject *parent = nullptr);

    QString driverId() const override { return QStringLiteral("scpi"); }
    QStringList actuators() const override { return m_setCommands.keys(); }
    void command(const QString &actuator, double value, CommandDone done) override;

    // Sends one command line and hands over the parsed reply (timedOut also when the link is down).
    void request(const QByteArray &command, ReplyHandler handler);
    // Sends one command line and hands over the raw reply line (for *IDN? and SYST:ERR?).
    void requestRaw(const QByteArray &command, RawHandler handler);
    int malformedReplies() const { return m_malformed; }

protected:
    void poll() override;

private:
    void publish(const QByteArray &query, const ScpiReply &reply);

    QMap<QByteArray, QStringList> m_channelsByQuery;
    QMap<QString, QByteArray> m_setCommands;
    int m_malformed = 0;
};
