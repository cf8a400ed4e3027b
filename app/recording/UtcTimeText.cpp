#include "UtcTimeText.h"

#include <QDateTime>

void UtcTimeText::append(qint64 ms, QByteArray &out)
{
    const qint64 second = ms >= 0 ? ms / 1000 : (ms - 999) / 1000;
    if (second != m_second) {
        m_second = second;
        m_prefix = QDateTime::fromSecsSinceEpoch(second, Qt::UTC)
                       .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"))
                       .toLatin1();
    }
    const int millis = int(ms - second * 1000);
    out += m_prefix;
    const char tail[] = {'.', char('0' + millis / 100), char('0' + millis / 10 % 10), char('0' + millis % 10),
                         'Z'};
    out.append(tail, sizeof tail);
}

QByteArray UtcTimeText::text(qint64 ms)
{
    QByteArray out;
    append(ms, out);
    return out;
}
