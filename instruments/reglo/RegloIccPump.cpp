#include "RegloIccPump.h"

#include "RegloNumber.h"

namespace {
ReplyScan scanStatus(const QByteArray &buffer)
{
    // Anything before the status character is line noise.
    return QByteArrayView("*#+-").contains(buffer.at(0)) ? ReplyScan::complete(1) : ReplyScan::skip(1);
}

ReplyScan scanData(const QByteArray &buffer)
{
    if (buffer.at(0) == '#' || buffer.at(0) == '*') // refused, or a stray status: never starts data
        return ReplyScan::complete(1);
    const qsizetype end = buffer.indexOf("\r\n");
    return end < 0 ? ReplyScan::needMore() : ReplyScan::complete(end + 2);
}
} // namespace

RegloIccPump::RegloIccPump(const QString &name, const LinkEndpoint &endpoint, int address,
                           const ChannelInfo &rateChannel, const QString &actuatorName, int pollPeriodMs,
                           int timeoutMs, QObject *parent)
    : StreamInstrument(name, endpoint, {rateChannel}, pollPeriodMs, timeoutMs, parent), m_address(address),
      m_rate(rateChannel), m_actuator(actuatorName)
{
    queue()->setTimeoutsBeforeReconnect(3);
}

QByteArray RegloIccPump::frame(const QByteArray &code) const
{
    return QByteArray::number(m_address) + code + '\r';
}

void RegloIccPump::requestStatus(const QByteArray &code, StatusHandler handler)
{
    queue()->request(frame(code), scanStatus, timeoutMs(),
                     [this, code, handler](LinkRequestQueue::Outcome outcome, const QByteArray &reply) {
                         if (outcome != LinkRequestQueue::Outcome::Replied) {
                             handler(false, Status::Refused);
                             return;
                         }
                         const char c = reply.at(0);
                         const Status status = c == '*'   ? Status::Done
                                               : c == '+' ? Status::Yes
                                               : c == '-' ? Status::No
                                                          : Status::Refused;
                         if (status == Status::Refused)
                             reportProblem(tr("the pump refused %1").arg(QString::fromLatin1(code)));
                         handler(true, status);
                     });
}

void RegloIccPump::requestData(const QByteArray &code, DataHandler handler)
{
    queue()->request(frame(code), scanData, timeoutMs(),
                     [this, code, handler](LinkRequestQueue::Outcome outcome, const QByteArray &reply) {
                         if (outcome != LinkRequestQueue::Outcome::Replied) {
                             handler(false, false, {});
                             return;
                         }
                         const bool refused = reply.size() == 1;
                         if (refused)
                             reportProblem(tr("the pump refused %1").arg(QString::fromLatin1(code)));
                         handler(true, refused, reply.trimmed());
                     });
}

void RegloIccPump::onConnected()
{
    requestStatus("xE0", [](bool, Status) {}); // unsolicited event messages off
    // A (re)connected pump is stopped before anything else; reconnecting never restarts it. If the stop is not
    // confirmed the pump may still be running at its old rate: drop the link, and the next connect tries again.
    requestStatus("I", [this](bool replied, Status status) {
        if (replied && status == Status::Done) {
            m_running = false;
            return;
        }
        link()->failAndReconnect(tr("the pump did not confirm the stop after connecting"));
    });
}

void RegloIccPump::poll()
{
    requestStatus("E", [this](bool replied, Status status) {
        if (replied && (status == Status::Yes || status == Status::No))
            m_running = status == Status::Yes;
    });
    requestData("f", [this](bool replied, bool refused, const QByteArray &data) {
        if (!replied || refused)
            return;
        double mlPerMin = 0.0;
        if (!RegloNumber::parse(data, &mlPerMin)) {
            reportProblem(
                tr("flow rate \"%1\" is not a volume-type number").arg(QString::fromLatin1(data.left(20))));
            return;
        }
        const bool confirmed =
            m_confirmedMlPerH >= 0 && RegloNumber::format(m_confirmedMlPerH / 60.0) == data;
        const double mlPerH = confirmed ? m_confirmedMlPerH : mlPerMin * 60.0;
        Q_EMIT readingsReceived({makeReading(m_rate, m_running ? mlPerH : 0.0, Quality::Good)});
    });
}

void RegloIccPump::command(const QString &actuator, double mlPerH, CommandDone done)
{
    if (actuator != m_actuator)
        return InstrumentDriver::command(actuator, mlPerH, std::move(done));
    if (mlPerH <= 0.0) {
        requestStatus("I", [this, done](bool replied, Status status) {
            if (replied && status == Status::Done)
                m_running = false;
            const bool ok = replied && status == Status::Done;
            done(ok, ok ? QString() : replied ? tr("the pump refused to stop") : tr("no answer"));
        });
        return;
    }
    startAtRate(mlPerH, std::move(done));
}

void RegloIccPump::startAtRate(double mlPerH, CommandDone done)
{
    const QByteArray number = RegloNumber::format(mlPerH / 60.0);
    if (number.isEmpty()) {
        done(false, tr("%1 mL/h cannot be sent to the pump").arg(mlPerH));
        return;
    }
    requestData(
        "f" + number, [this, done, number, mlPerH](bool replied, bool refused, const QByteArray &echo) {
            if (!replied || refused) {
                done(false, replied ? tr("the pump refused the flow rate") : tr("no answer"));
                return;
            }
            m_confirmedMlPerH = echo == number ? mlPerH : -1.0;
            requestStatus("H", [this, done](bool startReplied, Status status) {
                if (startReplied && status == Status::Done)
                    m_running = true;
                const bool ok = startReplied && status == Status::Done;
                done(ok, ok ? QString() : startReplied ? tr("the pump refused to start") : tr("no answer"));
            });
        });
}
