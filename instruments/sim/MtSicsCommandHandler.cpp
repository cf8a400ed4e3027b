#include "MtSicsCommandHandler.h"

#include "SimulatedReactor.h"

namespace {
const QByteArray serialNumber = "\"SIM0004711\"";
}

QByteArray MtSicsCommandHandler::weightReply(const QByteArray &command)
{
    double gross = 0.0;
    m_reactor->measure(QStringLiteral("balance"), &gross);
    if (gross > capacityG)
        return command + " +\r\n";
    const double net = gross - m_zeroG - m_tareG;
    const bool stable = m_reactor->physics().feedRateMlPerH() <= 0.0;
    return command + (stable ? " S " : " D ") + QByteArray::number(net, 'f', 2).rightJustified(10) + " g\r\n";
}

QByteArray MtSicsCommandHandler::handle(const QByteArray &rawLine)
{
    const QByteArray line = rawLine.trimmed();
    if (line.isEmpty())
        return {};
    if (line == "S" || line == "SI")
        return weightReply("S");
    if (line == "I4" || line == "@")
        return "I4 A " + serialNumber + "\r\n";
    double gross = 0.0;
    m_reactor->measure(QStringLiteral("balance"), &gross);
    if (line == "Z") {
        m_zeroG = gross;
        m_tareG = 0.0;
        return "Z A\r\n";
    }
    if (line == "T") {
        m_tareG = gross - m_zeroG;
        return "T S " + QByteArray::number(m_tareG, 'f', 2).rightJustified(10) + " g\r\n";
    }
    return "ES\r\n";
}
