#pragma once
// Modbus RTU frames: slave address, function code, data, CRC-16 (polynomial 0xA001, low byte first). Builds
// the requests a client sends (function codes 3, 4, 16), finds the end of a response in a byte stream (its
// length follows from the header), and parses it. Both the Arc driver and the simulator's Arc face use this
// codec.
#include "ReplyScan.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace ModbusRtu {
quint16 crc16(const char *data, qsizetype size);
QByteArray withCrc(QByteArray frame);
bool crcMatches(const QByteArray &frame);

QByteArray readRequest(quint8 slave, quint8 function, quint16 start, quint16 count);
QByteArray writeMultipleRequest(quint8 slave, quint16 start, const QList<quint16> &values);

// The response to a request of `function` from `slave` (for reads: of expectedRegisters registers). Bytes
// from another slave, headers that do not fit the request and frames with a wrong CRC are skipped, so the
// stream resynchronises after garbage.
ReplyScan scanResponse(const QByteArray &buffer, quint8 slave, quint8 function, int expectedRegisters = 0);

struct Response
{
    enum class Kind
    {
        Registers,
        WriteDone,
        Exception,
        Malformed
    };
    Kind kind = Kind::Malformed;
    QList<quint16> registers;
    quint8 exceptionCode = 0;
    QString error; // Malformed: why

    QString describeException() const;
};
// Parses a complete response frame (as scanResponse delimited it) to a read of expectedCount registers.
Response parseResponse(const QByteArray &frame, quint8 function, quint16 expectedCount);
} // namespace ModbusRtu
