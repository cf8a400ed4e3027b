#pragma once
// Full-resolution readings of a span, read back from the run file on the pool (RunRangeReader), for a plot
// zoomed into history that its SampleStore only keeps as min/max envelopes. One request per channel at a time
// counts: an answer to an older request is dropped. The answer is kept until a span it does not cover is
// asked.
#include <QHash>
#include <QObject>
#include <QVector>

class PlotReadBack : public QObject
{
    Q_OBJECT
public:
    struct Span
    {
        double from = 0, to = 0;
        QVector<double> keys, values;
    };

    explicit PlotReadBack(QObject *parent = nullptr) : QObject(parent) {}

    void setRunFile(const QString &path) { m_runFile = path; }
    bool hasRunFile() const { return !m_runFile.isEmpty(); }
    // The channel's readings covering [from, to] when at hand; otherwise asks for them (once per span) and
    // returns null: arrived() says when to ask again.
    const Span *readings(const QString &channel, double from, double to, int maxPoints);

Q_SIGNALS:
    void arrived(const QString &channel);

private:
    struct Channel
    {
        Span held;
        int generation = 0; // of the newest request
        double requestedFrom = 0, requestedTo = 0;
    };
    QString m_runFile;
    QHash<QString, Channel> m_channels;
};
