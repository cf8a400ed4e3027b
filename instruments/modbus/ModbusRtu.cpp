#include "ModbusRtu.h"

#include <QCoreApplication>

namespace ModbusRtu {
namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ModbusRtu", text);
}

quint8 byteAt(const QByteArray &b, qsizetype i)
{
    return quint8(b.at(i));
}

void appendWord(QByteArray &frame, quint16 word)
{
    frame.append(char(word >> 8));
    frame.append(char(word & 0xff));
}

Response malformed(const QString &why)
{
    Response r;
    r.error = why;
    return r;
}
} // namespace

quint16 crc16(const char *data, qsizetype size)
{
    quint16 crc = 0xffff;
    for (qsizetype i = 0; i < size; ++i) {
        crc ^= quint8(data[i]);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc & 1) ? quint16((crc >> 1) ^ 0xa001) : quint16(crc >> 1);
    }
    return crc;
}

QByteArray withCrc(QByteArray frame)
{
    const quint16 crc = crc16(frame.constData(), frame.size());
    frame.append(char(crc & 0xff));
    frame.append(char(crc >> 8));
    return frame;
}

bool crcMatches(const QByteArray &frame)
{
    if (frame.size() < 4)
        return false;
    const quint16 crc = crc16(frame.constData(), frame.size() - 2);
    return byteAt(frame, frame.size() - 2) == (crc & 0xff) && byteAt(frame, frame.size() - 1) == (crc >> 8);
}

QByteArray readRequest(quint8 slave, quint8 function, quint16 start, quint16 count)
{
    QByteArray frame;
    frame.append(char(slave));
    frame.append(char(function));
    appendWord(frame, start);
    appendWord(frame, count);
    return withCrc(frame);
}

QByteArray writeMultipleRequest(quint8 slave, quint16 start, const QList<quint16> &values)
{
    QByteArray frame;
    frame.append(char(slave));
    frame.append(char(16));
    appendWord(frame, start);
    appendWord(frame, quint16(values.size()));
    frame.append(char(values.size() * 2));
    for (quint16 value : values)
        appendWord(frame, value);
    return withCrc(frame);
}

ReplyScan scanResponse(const QByteArray &buffer, quint8 slave, quint8 function, int expectedRegisters)
{
    if (buffer.isEmpty())
        return ReplyScan::needMore();
    if (byteAt(buffer, 0) != slave)
        return ReplyScan::skip(1);
    if (buffer.size() < 2)
        return ReplyScan::needMore();
    const quint8 code = byteAt(buffer, 1);
    qsizetype length = 0;
    if (code == (function | 0x80))
        length = 5;
    else if (code != function)
        return ReplyScan::skip(1);
    else if (function == 16)
        length = 8;
    else if (buffer.size() < 3)
        return ReplyScan::needMore();
    else if (expectedRegisters > 0 && byteAt(buffer, 2) != expectedRegisters * 2)
        return ReplyScan::skip(1);
    else
        length = 5 + byteAt(buffer, 2);
    if (buffer.size() < length)
        return ReplyScan::needMore();
    if (!crcMatches(buffer.left(length)))
        return ReplyScan::skip(1, "Modbus RTU frame with a wrong CRC");
    return ReplyScan::complete(length);
}

Response parseResponse(const QByteArray &frame, quint8 function, quint16 expectedCount)
{
    if (frame.size() < 5 || !crcMatches(frame))
        return malformed(tr("frame too short or wrong CRC"));
    Response r;
    const quint8 code = byteAt(frame, 1);
    if (code == (function | 0x80)) {
        r.kind = Response::Kind::Exception;
        r.exceptionCode = byteAt(frame, 2);
        return r;
    }
    if (code != function)
        return malformed(tr("answer to function %1 instead of %2").arg(code).arg(function));
    if (function == 16) {
        r.kind = Response::Kind::WriteDone;
        return r;
    }
    const int byteCount = byteAt(frame, 2);
    if (byteCount != expectedCount * 2 || frame.size() != 5 + byteCount)
        return malformed(tr("%1 data bytes instead of %2").arg(byteCount).arg(expectedCount * 2));
    r.kind = Response::Kind::Registers;
    r.registers.reserve(expectedCount);
    for (int i = 0; i < expectedCount; ++i)
        r.registers.append(quint16(byteAt(frame, 3 + 2 * i) << 8 | byteAt(frame, 4 + 2 * i)));
    return r;
}

QString Response::describeException() const
{
    switch (exceptionCode) {
    case 1:
        return tr("exception 1: illegal function");
    case 2:
        return tr("exception 2: illegal data address");
    case 3:
        return tr("exception 3: illegal data value");
    case 4:
        return tr("exception 4: slave device failure");
    case 6:
        return tr("exception 6: slave device busy");
    default:
        return tr("exception %1").arg(exceptionCode);
    }
}
} // namespace ModbusRtu
