#include "CsvWriter.h"

#include <QLocale>

namespace {
constexpr qsizetype flushThreshold = 1 << 20;
}

bool CsvWriter::writeRow(const QStringList &fields)
{
    for (const QString &field : fields)
        addField(field);
    return endRow() && flush();
}

void CsvWriter::separate()
{
    if (m_rowStarted)
        m_buffer += ',';
    m_rowStarted = true;
}

void CsvWriter::addField(const QString &text)
{
    separate();
    m_buffer += quoted(text).toUtf8();
}

void CsvWriter::addPlainField(const QByteArray &bytes)
{
    separate();
    m_buffer += bytes;
}

void CsvWriter::addNumber(double value)
{
    separate();
    m_buffer += QByteArray::number(value, 'g', QLocale::FloatingPointShortest);
}

bool CsvWriter::endRow()
{
    m_buffer += "\r\n";
    m_rowStarted = false;
    return m_buffer.size() < flushThreshold || flush();
}

bool CsvWriter::flush()
{
    if (!m_buffer.isEmpty()) {
        m_ok = m_ok && m_device->write(m_buffer) == m_buffer.size();
        m_buffer.clear();
    }
    return m_ok;
}

QString CsvWriter::quoted(const QString &field)
{
    if (!field.contains(QLatin1Char(',')) && !field.contains(QLatin1Char('"')) &&
        !field.contains(QLatin1Char('\n')) && !field.contains(QLatin1Char('\r')))
        return field;
    QString escaped = field;
    escaped.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString CsvWriter::formatNumber(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}
