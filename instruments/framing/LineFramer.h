#pragma once
// Splits a byte stream into lines. Reads arrive split or merged arbitrarily; the framer buffers partial lines
// and returns every complete one. A line longer than maxLineLength is garbage (no terminator seen): it is
// discarded and counted, so a noisy link can never grow the buffer without bound.
#include <QByteArray>
#include <QList>

class LineFramer
{
public:
    explicit LineFramer(QByteArray terminator = "\n", int maxLineLength = 4096);

    // Appends bytes and returns the complete lines they finish, without terminators (a trailing CR is
    // stripped).
    QList<QByteArray> feed(const QByteArray &bytes);
    void clear() { m_buffer.clear(); }
    int pendingBytes() const { return int(m_buffer.size()); }
    int discardedLines() const { return m_discarded; }

private:
    QByteArray m_terminator;
    QByteArray m_buffer;
    int m_maxLineLength;
    int m_discarded = 0;
};
