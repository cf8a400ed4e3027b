#pragma once
// RFC 4180 output: comma separated, CRLF line ends, fields quoted when they hold a comma, quote or line
// break. Rows are built in a byte buffer and written in large blocks (exports write millions of rows).
#include <QByteArray>
#include <QIODevice>
#include <QString>
#include <QStringList>

class CsvWriter
{
public:
    explicit CsvWriter(QIODevice *device) : m_device(device) {}
    ~CsvWriter() { flush(); }

    bool writeRow(const QStringList &fields);
    // Field by field: text (quoted when needed) or bytes known to need no quoting (numbers, times).
    void addField(const QString &text);
    void addPlainField(const QByteArray &bytes);
    void addNumber(double value);
    bool endRow();
    bool flush();
    bool ok() const { return m_ok; }

    static QString quoted(const QString &field);
    // Locale-independent, '.' decimal point, the shortest text that reads back as the same double.
    static QString formatNumber(double value);

private:
    void separate();

    QIODevice *m_device;
    QByteArray m_buffer;
    bool m_rowStarted = false;
    bool m_ok = true;
};
