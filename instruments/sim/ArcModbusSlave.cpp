#include "ArcModbusSlave.h"

#include "ArcMeasurement.h"
#include "ModbusRtu.h"
#include "SimulatedReactor.h"

namespace {
constexpr qsizetype maxBuffered = 256;

qsizetype requestLength(const QByteArray &b)
{
    if (b.size() >= 7 && quint8(b.at(1)) == 16)
        return 9 + quint8(b.at(6));
    return 8; // functions 1-6 are all 8 bytes long
}

QByteArray exception(quint8 address, quint8 function, quint8 code)
{
    const char frame[] = {char(address), char(function | 0x80), char(code)};
    return ModbusRtu::withCrc(QByteArray(frame, sizeof frame));
}
} // namespace

ArcModbusSlave::ArcModbusSlave(SimulatedReactor *reactor, QString channel, quint32 unitBits, double minimum,
                               double maximum, quint8 address)
    : m_reactor(reactor), m_channel(std::move(channel)), m_unitBits(unitBits), m_minimum(minimum),
      m_maximum(maximum), m_address(address)
{
}

QList<QByteArray> ArcModbusSlave::feed(const QByteArray &bytes)
{
    QList<QByteArray> replies;
    m_buffer.append(bytes);
    while (m_buffer.size() >= 8) {
        const qsizetype length = requestLength(m_buffer);
        if (m_buffer.size() < length)
            break;
        const QByteArray request = m_buffer.left(length);
        if (!ModbusRtu::crcMatches(request)) {
            m_buffer.remove(0, 1); // resynchronise after noise
            continue;
        }
        m_buffer.remove(0, length);
        if (quint8(request.at(0)) == m_address)
            replies.append(answer(request));
    }
    if (m_buffer.size() > maxBuffered)
        m_buffer.clear();
    return replies;
}

QList<quint16> ArcModbusSlave::block(bool temperature)
{
    // One measurement per block, so the two halves of a float always belong together.
    ArcMeasurement m;
    m_reactor->measure(temperature ? QStringLiteral("temperature") : m_channel, &m.value);
    m.unitBits = temperature ? ArcMeasurement::DegC : m_unitBits;
    m.minimum = temperature ? -10.0 : m_minimum;
    m.maximum = temperature ? 140.0 : m_maximum;
    return m.encode();
}

QByteArray ArcModbusSlave::answer(const QByteArray &request)
{
    const quint8 function = quint8(request.at(1));
    if (function != 3 && function != 4)
        return exception(m_address, function, 1);
    const int start = quint8(request.at(2)) << 8 | quint8(request.at(3));
    const int count = quint8(request.at(4)) << 8 | quint8(request.at(5));
    if (count < 1 || count > 125)
        return exception(m_address, function, 3);
    const QList<quint16> blocks[2] = {block(false), block(true)};
    const int blockStarts[2] = {ArcMeasurement::pmc1Register - 1, ArcMeasurement::pmc6Register - 1};
    const char header[] = {char(m_address), char(function), char(count * 2)};
    QByteArray reply(header, sizeof header);
    for (int i = 0; i < count; ++i) {
        const int address = start + i;
        int b = 0;
        while (b < 2 &&
               (address < blockStarts[b] || address >= blockStarts[b] + ArcMeasurement::blockRegisters))
            ++b;
        if (b == 2)
            return exception(m_address, function, 2);
        const quint16 value = blocks[b].at(address - blockStarts[b]);
        reply.append(char(value >> 8));
        reply.append(char(value & 0xff));
    }
    return ModbusRtu::withCrc(reply);
}
