#include "ScpiInstrument.h"

ScpiInstrument::ScpiInstrument(const QString &name, const LinkEndpoint &endpoint,
                               const QList<ChannelInfo> &channels, int pollPeriodMs, int timeoutMs,
                               const QMap<QString, QByteArray> &queries,
                               const QMap<QString, QByteArray> &setCommands, QObject *parent)
    : StreamInstrument(name, endpoint, channels, pollPeriodMs, timeoutMs, parent), m_setCommands(setCommands)
{
    for (const ChannelInfo &channel : channels)
        m_channelsByQuery[queries.value(channel.name, QByteArrayLiteral("READ?"))].append(channel.name);
}

void ScpiInstrument::requestRaw(const QByteArray &command, RawHandler handler)
{
    queue()->request(command + '\n', lineScanner("\n"), timeoutMs(),
                     [handler](LinkRequestQueue::Outcome outcome, const QByteArray &reply) {
                         handler(outcome == LinkRequestQueue::Outcome::Replied, reply.trimmed());
                     });
}

void ScpiInstrument::request(const QByteArray &command, ReplyHandler handler)
{
    requestRaw(command, [this, command, handler](bool ok, const QByteArray &line) {
        if (!ok) {
            handler(ScpiReply{}, true);
            return;
        }
        const ScpiReply reply = ScpiReply::parse(line);
        if (reply.kind == ScpiReply::Kind::Malformed) {
            ++m_malformed;
            reportProblem(tr("malformed reply to %1: %2").arg(QString::fromLatin1(command), reply.text));
        }
        handler(reply, false);
    });
}

void ScpiInstrument::poll()
{
    for (auto it = m_channelsByQuery.cbegin(); it != m_channelsByQuery.cend(); ++it) {
        const QByteArray query = it.key();
        request(query, [this, query](const ScpiReply &reply, bool timedOut) {
            if (!timedOut)
                publish(query, reply);
        });
    }
}

void ScpiInstrument::publish(const QByteArray &query, const ScpiReply &reply)
{
    const QStringList wanted = m_channelsByQuery.value(query);
    QList<Reading> readings;
    if (reply.kind == ScpiReply::Kind::Value && wanted.size() == 1) {
        readings.append(makeReading(*channel(wanted.first()), reply.value, Quality::Good));
    } else if (reply.kind == ScpiReply::Kind::Fields) {
        for (const ScpiReply::Field &field : reply.fields)
            if (wanted.contains(field.name))
                readings.append(makeReading(*channel(field.name), field.value, Quality::Good));
    } else if (reply.kind == ScpiReply::Kind::Error) {
        reportProblem(tr("%1 answered error %2: %3")
                          .arg(QString::fromLatin1(query))
                          .arg(reply.errorCode)
                          .arg(reply.text));
    } else if (reply.kind != ScpiReply::Kind::Malformed) {
        reportProblem(tr("unexpected reply to %1").arg(QString::fromLatin1(query)));
    }
    if (!readings.isEmpty())
        Q_EMIT readingsReceived(readings);
}

void ScpiInstrument::command(const QString &actuator, double value, CommandDone done)
{
    const auto it = m_setCommands.constFind(actuator);
    if (it == m_setCommands.cend()) {
        InstrumentDriver::command(actuator, value, std::move(done));
        return;
    }
    request(*it + ' ' + QByteArray::number(value, 'g', 10),
            [this, done](const ScpiReply &reply, bool timedOut) {
                if (timedOut)
                    done(false, tr("%1 did not answer").arg(name()));
                else if (reply.kind == ScpiReply::Kind::Error)
                    done(false, tr("%1 refused: %2 (%3)").arg(name(), reply.text).arg(reply.errorCode));
                else if (reply.kind != ScpiReply::Kind::Ok)
                    done(false, tr("%1 gave an unexpected answer").arg(name()));
                else
                    done(true, {});
            });
}
