#include "RegloCommandHandler.h"

#include "RegloNumber.h"
#include "SimulatedReactor.h"

void RegloCommandHandler::applyToPhysics()
{
    m_reactor->physics().setFeedRateMlPerH(m_running ? m_rateMlPerMin * 60.0 : 0.0);
}

QByteArray RegloCommandHandler::handle(const QByteArray &rawLine)
{
    const QByteArray line = rawLine.trimmed();
    if (line.isEmpty() || line.at(0) < '0' || line.at(0) > '9')
        return "#";
    const int address = line.at(0) - '0';
    if (address != 0 && address != m_address)
        return {};
    const QByteArray code = line.mid(1);
    if (code == "H" || code == "I") {
        m_running = code == "H";
        applyToPhysics();
        return "*";
    }
    if (code == "J" || code == "K") {
        m_clockwise = code == "J";
        return "*";
    }
    if (code == "E")
        return m_running ? "+" : "-";
    if (code == "xE0" || code == "xE1")
        return "*";
    if (code == "xD")
        return QByteArray(m_clockwise ? "J" : "K") + "\r\n";
    if (code == "f")
        return RegloNumber::format(m_rateMlPerMin) + "\r\n";
    if (code.startsWith('f')) {
        double rate = 0.0;
        if (!RegloNumber::parse(code.mid(1), &rate) || rate > maxMlPerMin)
            return "#";
        m_rateMlPerMin = rate;
        applyToPhysics();
        return RegloNumber::format(rate) + "\r\n";
    }
    return "#";
}
