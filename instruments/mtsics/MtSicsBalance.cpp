#include "MtSicsBalance.h"

MtSicsBalance::MtSicsBalance(const QString &name, const LinkEndpoint &endpoint,
                             const ChannelInfo &weightChannel, int pollPeriodMs, int timeoutMs,
                             int stabilityTimeoutMs, QObject *parent)
    : StreamInstrument(name, endpoint, {weightChannel}, pollPeriodMs, timeoutMs, parent),
      m_weight(weightChannel), m_stabilityTimeoutMs(stabilityTimeoutMs)
{
}

void MtSicsBalance::request(const QByteArray &command, ReplyHandler handler)
{
    const bool waitsForStability = command == "S" || command == "T" || command == "Z";
    queue()->request(command + "\r\n", lineScanner("\r\n"),
                     waitsForStability ? m_stabilityTimeoutMs : timeoutMs(),
                     [this, command, handler](LinkRequestQueue::Outcome outcome, const QByteArray &line) {
                         if (outcome != LinkRequestQueue::Outcome::Replied) {
                             handler(false, {});
                             return;
                         }
                         const MtSicsReply reply = MtSicsReply::parse(line);
                         if (reply.kind == MtSicsReply::Kind::Malformed || reply.isError())
                             reportProblem(tr("%1: %2").arg(QString::fromLatin1(command), reply.describe()));
                         handler(true, reply);
                     });
}

void MtSicsBalance::onConnected()
{
    request("I4", [this](bool replied, const MtSicsReply &reply) {
        if (replied && reply.kind == MtSicsReply::Kind::Text)
            m_serialNumber = reply.text;
    });
}

void MtSicsBalance::poll()
{
    request("SI", [this](bool replied, const MtSicsReply &reply) {
        if (replied)
            publishWeight(reply);
    });
}

void MtSicsBalance::publishWeight(const MtSicsReply &reply)
{
    switch (reply.kind) {
    case MtSicsReply::Kind::Weight:
        if (!m_weight.unit.isEmpty() && reply.unit != m_weight.unit) {
            Q_EMIT channelUnavailable(m_weight.name,
                                      tr("balance reports %1, expected %2").arg(reply.unit, m_weight.unit));
            return;
        }
        Q_EMIT readingsReceived(
            {makeReading(m_weight, reply.value, reply.stable ? Quality::Good : Quality::Uncertain)});
        return;
    case MtSicsReply::Kind::Overload:
    case MtSicsReply::Kind::Underload:
        Q_EMIT channelUnavailable(m_weight.name, reply.describe());
        return;
    case MtSicsReply::Kind::NotExecutable:
        return; // busy settling after T or Z: the next poll asks again
    default:
        return; // errors and malformed replies were reported by request()
    }
}

void MtSicsBalance::command(const QString &actuator, double value, CommandDone done)
{
    QByteArray code;
    if (actuator == QLatin1String("tare"))
        code = "T";
    else if (actuator == QLatin1String("zero"))
        code = "Z";
    else
        return InstrumentDriver::command(actuator, value, std::move(done));
    request(code, [this, done](bool replied, const MtSicsReply &reply) {
        if (!replied)
            done(false, tr("%1 did not answer").arg(name()));
        else if (reply.kind == MtSicsReply::Kind::Done || reply.kind == MtSicsReply::Kind::Weight)
            done(true, {});
        else
            done(false, reply.describe());
    });
}
