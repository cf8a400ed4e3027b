#pragma once
// How a request queue finds the end of a reply in the bytes received so far. Protocols differ: lines with a
// terminator, one unterminated status character, or Modbus frames whose length follows from their header.
#include <QByteArray>

#include <functional>

struct ReplyScan
{
    enum class Kind
    {
        NeedMore,
        Complete,
        Skip
    };
    Kind kind = Kind::NeedMore;
    qsizetype length = 0; // Complete: bytes of the reply; Skip: garbage bytes to drop before scanning again
    const char *rejectReason = nullptr; // Skip: why a complete-looking reply was rejected (worth reporting)

    static ReplyScan needMore() { return {}; }
    static ReplyScan complete(qsizetype length) { return {Kind::Complete, length, nullptr}; }
    static ReplyScan skip(qsizetype length, const char *rejectReason = nullptr)
    {
        return {Kind::Skip, length, rejectReason};
    }
};

using ReplyScanner = std::function<ReplyScan(const QByteArray &buffer)>;

// A reply that ends with terminator (included in the reply).
ReplyScanner lineScanner(const QByteArray &terminator);
