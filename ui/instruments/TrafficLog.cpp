#include "TrafficLog.h"

#include <QDateTime>
#include <QFontDatabase>

TrafficLog::TrafficLog(QWidget *parent) : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setMaximumBlockCount(maxLines);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
}

QString TrafficLog::printable(const QByteArray &bytes)
{
    QString text;
    for (char c : bytes) {
        if (c == '\r')
            text += QStringLiteral("\\r");
        else if (c == '\n')
            text += QStringLiteral("\\n");
        else
            text += (c >= 0x20 && c < 0x7f) ? QChar::fromLatin1(c) : QChar(u'.');
    }
    return text;
}

void TrafficLog::append(const QString &instrument, bool outgoing, const QByteArray &bytes)
{
    if (m_paused || (!m_filter.isEmpty() && instrument != m_filter))
        return;
    appendPlainText(QStringLiteral("%1 %2 %3 %4 | %5")
                        .arg(QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss.zzz")),
                             instrument, outgoing ? QStringLiteral(">>") : QStringLiteral("<<"),
                             QString::fromLatin1(bytes.toHex(' ')), printable(bytes)));
}
