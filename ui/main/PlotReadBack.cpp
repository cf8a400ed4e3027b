#include "PlotReadBack.h"

#include "RunRangeReader.h"

#include <QFutureWatcher>
#include <QtConcurrent>

const PlotReadBack::Span *PlotReadBack::readings(const QString &channel, double from, double to,
                                                 int maxPoints)
{
    Channel &state = m_channels[channel];
    if (!state.held.keys.isEmpty() && state.held.from <= from && state.held.to >= to)
        return &state.held;
    if (state.requestedFrom == from && state.requestedTo == to)
        return nullptr; // asked already
    state.requestedFrom = from;
    state.requestedTo = to;
    const int generation = ++state.generation;
    auto *watcher = new QFutureWatcher<RunRangeReader::Result>(this);
    connect(watcher, &QFutureWatcher<RunRangeReader::Result>::finished, this,
            [this, watcher, channel, generation, from, to] {
                watcher->deleteLater();
                const RunRangeReader::Result result = watcher->result();
                Channel &answered = m_channels[channel];
                if (answered.generation != generation || !result.error.isEmpty() || result.tooMany)
                    return;
                answered.held = Span{from, to, result.keys, result.values};
                Q_EMIT arrived(channel);
            });
    watcher->setFuture(QtConcurrent::run(RunRangeReader::read, m_runFile, channel, from, to, maxPoints));
    return nullptr;
}
