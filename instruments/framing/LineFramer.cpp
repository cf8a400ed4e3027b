#include "LineFramer.h"

LineFramer::LineFramer(QByteArray terminator, int maxLineLength)
    : m_terminator(std::move(terminator)), m_maxLineLength(maxLineLength)
{
}

QList<QByteArray> LineFramer::feed(const QByteArray &bytes)
{
    QList<QByteArray> lines;
    m_buffer.append(bytes);
    qsizetype start = 0;
    for (;;) {
        const qsizetype end = m_buffer.indexOf(m_terminator, start);
        if (end < 0)
            break;
        QByteArray line = m_buffer.mid(start, end - start);
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.size() > m_maxLineLength)
            ++m_discarded;
        else
            lines.append(line);
        start = end + m_terminator.size();
    }
    m_buffer.remove(0, start);
    if (m_buffer.size() > m_maxLineLength) {
        m_buffer.clear();
        ++m_discarded;
    }
    return lines;
}
