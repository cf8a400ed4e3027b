#pragma once
// The bytes exchanged with instruments, for diagnosing wiring and settings: one line per read or write with
// time, instrument, direction, hex and printable text. Bounded (oldest lines dropped); can be paused and
// filtered to one instrument.
#include <QPlainTextEdit>

class TrafficLog : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit TrafficLog(QWidget *parent = nullptr);

    void setFilter(const QString &instrument) { m_filter = instrument; } // empty: every instrument
    void setPaused(bool paused) { m_paused = paused; }
    void append(const QString &instrument, bool outgoing, const QByteArray &bytes);

    static QString printable(const QByteArray &bytes);
    static constexpr int maxLines = 2000;

private:
    QString m_filter;
    bool m_paused = false;
};
