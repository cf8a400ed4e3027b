#pragma once
// RFC 4180 output: comma separated, CRLF line ends, fields quoted when they hold a comma, quote or line
// break.
#include <QIODevice>
#include <QString>
#include <QStringList>

class CsvWriter
{
public:
    explicit CsvWriter(QIODevice *device) : m_device(device) {}

    bool writeRow(const QStringList &fields);
    static QString quoted(const QString &field);
    static QString formatNumber(double value);

private:
    QIODevice *m_device;
};
