// Sustained recording rate: a producer on the GUI thread pushes readings at a fixed rate through RunRecorder
// (writer thread, SQLite WAL, synchronous=FULL, commit every 50 ms). Reports whether the writer keeps up
// (queue depth stays bounded, all committed shortly after) at 50k, 100k, 200k, 400k and 600k readings/s, then
// the writer's capacity: 2,000,000 readings queued at once, timed until committed.
//
// The GUI thread waits in its event loop between producer ticks (no busy polling), so the writer thread has
// the other core, as in the application.
#include "BenchUtil.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

namespace {
const QString unit = QStringLiteral("u");

QStringList channelNames()
{
    QStringList names;
    for (int c = 0; c < 64; ++c)
        names << QStringLiteral("ch%1").arg(c);
    return names;
}

// Runs the event loop until done() holds or timeoutMs passed; returns the time it took.
template <typename Done> qint64 waitUntil(RunRecorder &recorder, Done done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    QEventLoop loop;
    QObject::connect(&recorder, &RunRecorder::committed, &loop, [&] {
        if (done())
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (!done())
        loop.exec();
    return clock.elapsed();
}

void startRecorder(RunRecorder &recorder)
{
    QEventLoop loop;
    QObject::connect(&recorder, &RunRecorder::opened, &loop, &QEventLoop::quit);
    recorder.start();
    loop.exec();
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QTemporaryDir dir;
    const int seconds = argc > 1 ? QByteArray(argv[1]).toInt() : 10;
    const QStringList names = channelNames();
    for (const int rate : {50000, 100000, 200000, 400000, 600000}) {
        RunRecorder recorder(dir.filePath(QStringLiteral("rate-%1.rdrun").arg(rate)), {});
        startRecorder(recorder);
        QElapsedTimer clock;
        clock.start();
        qint64 produced = 0;
        int maxDepth = 0;
        QEventLoop producing;
        QTimer producer;
        producer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&producer, &QTimer::timeout, &producing, [&] {
            // Catch up to where the clock says we should be: 64 channels per timestamp.
            const qint64 due = clock.elapsed() * rate / 1000;
            QList<Reading> batch;
            batch.reserve(int(due - produced));
            for (; produced < due; ++produced)
                batch << Reading{names.at(int(produced % 64)), 1763769600000 + produced / 64,
                                 double(produced), unit, Quality::Good};
            recorder.record(batch);
            maxDepth = std::max(maxDepth, recorder.queueDepth());
            if (clock.elapsed() >= seconds * 1000)
                producing.quit();
        });
        producer.start(10);
        producing.exec();
        producer.stop();
        const qint64 producedAtEnd = produced;
        const qint64 behindAtEnd = producedAtEnd - recorder.committedReadings();
        const qint64 drainMs = waitUntil(
            recorder, [&] { return recorder.committedReadings() >= producedAtEnd; }, 60000);
        recorder.stop();
        out << rate << " readings/s for " << seconds << " s: produced " << producedAtEnd
            << ", max queue depth " << maxDepth << ", behind at the end " << behindAtEnd << ", drained in "
            << drainMs << " ms -> " << (drainMs < 500 && maxDepth < rate ? "keeps up" : "BACKLOG")
            << Qt::endl;
    }

    constexpr int burst = 2000000;
    RunRecorder recorder(dir.filePath(QStringLiteral("capacity.rdrun")), {});
    startRecorder(recorder);
    QList<Reading> batch;
    batch.reserve(burst);
    for (int i = 0; i < burst; ++i)
        batch << Reading{names.at(i % 64), 1763769600000 + i / 64, double(i), unit, Quality::Good};
    QElapsedTimer clock;
    clock.start();
    recorder.record(batch);
    const qint64 ms = waitUntil(
        recorder, [&] { return recorder.committedReadings() >= burst; }, 120000);
    recorder.stop();
    out << "capacity: " << burst << " readings queued at once, committed in " << ms << " ms -> "
        << qint64(burst) * 1000 / std::max<qint64>(ms, 1) << " readings/s" << Qt::endl;
    return 0;
}
