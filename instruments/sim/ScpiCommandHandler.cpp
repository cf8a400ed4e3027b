#include "ScpiCommandHandler.h"

#include <cmath>

namespace {
QByteArray error(int code, const char *text)
{
    return "ERR " + QByteArray::number(code) + ",\"" + text + "\"\n";
}

QByteArray number(double value)
{
    return QByteArray::number(value, 'g', 8);
}
} // namespace

ScpiCommandHandler::ScpiCommandHandler(SimulatedReactor *reactor, QString faceName, QStringList channels)
    : m_reactor(reactor), m_faceName(std::move(faceName)), m_channels(std::move(channels))
{
}

QByteArray ScpiCommandHandler::handle(const QByteArray &commandLine)
{
    const QByteArray line = commandLine.trimmed();
    if (line.isEmpty())
        return {};
    const qsizetype space = line.indexOf(' ');
    const QByteArray header = (space < 0 ? line : line.left(space)).toUpper();
    const QByteArray argument = space < 0 ? QByteArray() : line.mid(space + 1).trimmed();

    if (header == "*IDN?")
        return "ReactorDesk,Simulated " + m_faceName.toUtf8() + ",SIM-0001," REACTORDESK_VERSION "\n";
    if (header == "READ?") {
        QByteArray reply;
        for (const QString &channel : m_channels) {
            double value = 0.0;
            m_reactor->measure(channel, &value);
            reply += (reply.isEmpty() ? "" : ",") + channel.toUtf8() + '=' + number(value);
        }
        return reply + '\n';
    }
    if (header.startsWith("MEAS:") && header.endsWith('?')) {
        const QString channel = QString::fromUtf8(header.mid(5, header.size() - 6)).toLower();
        double value = 0.0;
        if (!m_channels.contains(channel) || !m_reactor->measure(channel, &value))
            return error(-113, "Undefined header");
        return number(value) + '\n';
    }
    if (header == "PUMP:FEED:RATE")
        return setPumpRate(argument, true);
    if (header == "PUMP:BASE:RATE")
        return setPumpRate(argument, false);
    if (header == "PUMP:FEED:RATE?")
        return number(m_reactor->physics().feedRateMlPerH()) + '\n';
    if (header == "PUMP:BASE:RATE?")
        return number(m_reactor->physics().baseRateMlPerH()) + '\n';
    if (header == "SIM:FAULT:GARBAGE") {
        bool ok = false;
        const double seconds = argument.toDouble(&ok);
        if (!ok || seconds < 0)
            return error(-224, "Illegal parameter value");
        m_reactor->applyFault(QStringLiteral("all"), QStringLiteral("garbage=%1").arg(seconds));
        return "OK\n";
    }
    if (header == "SIM:FAULT") { // SIM:FAULT <face|all> <spec>
        const QString face = QString::fromUtf8(argument.left(argument.indexOf(' ')));
        const QString spec = QString::fromUtf8(argument.mid(argument.indexOf(' ') + 1));
        if (argument.indexOf(' ') < 0 || !m_reactor->applyFault(face, spec).isEmpty())
            return error(-224, "Illegal parameter value");
        return "OK\n";
    }
    if (header == "SYST:ERR?")
        return "0,\"No error\"\n";
    return error(-113, "Undefined header");
}

QByteArray ScpiCommandHandler::setPumpRate(const QByteArray &argument, bool feed)
{
    if (!m_channels.contains(QStringLiteral("feed_rate")))
        return error(-113, "Undefined header");
    bool ok = false;
    const double rate = argument.toDouble(&ok);
    if (!ok || !std::isfinite(rate))
        return error(-104, "Data type error");
    const double limit = feed ? SimulatedReactor::maxFeedMlPerH : SimulatedReactor::maxBaseMlPerH;
    if (rate < 0 || rate > limit)
        return error(-222, "Data out of range");
    if (feed)
        m_reactor->physics().setFeedRateMlPerH(rate);
    else
        m_reactor->physics().setBaseRateMlPerH(rate);
    return "OK\n";
}
