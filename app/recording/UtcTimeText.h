#pragma once
// Formats UTC milliseconds as ISO 8601 with milliseconds and Z ("2026-11-22T00:15:03.250Z"), fast: the date
// and time of day are formatted once per second and reused, since exports write millions of timestamps that
// mostly share their second.
#include <QByteArray>

class UtcTimeText
{
public:
    // Appends the text for ms to out.
    void append(qint64 ms, QByteArray &out);
    QByteArray text(qint64 ms);

private:
    qint64 m_second = -1;
    QByteArray m_prefix; // "yyyy-MM-ddTHH:mm:ss"
};
