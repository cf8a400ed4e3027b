// Sustained recording rate: a producer on the GUI thread pushes readings at a fixed rate for 10 s through
// RunRecorder (writer thread, SQLite WAL, synchronous=FULL, commit every 50 ms). Reports whether the writer
// keeps up (queue depth stays bounded, all committed shortly after) at 50k, 100k, 200k and 400k readings/s.
#include "BenchUtil.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QTemporaryDir dir;
    const int seconds = argc > 1 ? QByteArray(argv[1]).toInt() : 10;
    QStringList names;
    for (int c = 0; c < 64; ++c)
        names << QStringLiteral("ch%1").arg(c);
    const QString unit = QStringLiteral("u");
    for (const int rate : {50000, 100000, 200000, 400000}) {
        const QString path = dir.filePath(QStringLiteral("rate-%1.rdrun").arg(rate));
        RunRecorder recorder(path, {});
        bool opened = false;
        QObject::connect(&recorder, &RunRecorder::opened, [&] { opened = true; });
        recorder.start();
        while (!opened)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        QElapsedTimer clock;
        clock.start();
        qint64 produced = 0;
        int maxDepth = 0;
        QTimer producer;
        producer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&producer, &QTimer::timeout, [&] {
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
                producer.stop();
        });
        producer.start(10);
        while (producer.isActive())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        const qint64 producedAtEnd = produced;
        const qint64 behindAtEnd = producedAtEnd - recorder.committedReadings();
        QElapsedTimer drain;
        drain.start();
        while (recorder.committedReadings() < producedAtEnd && drain.elapsed() < 60000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        const qint64 drainMs = drain.elapsed();
        recorder.stop();
        out << rate << " readings/s for " << seconds << " s: produced " << producedAtEnd
            << ", max queue depth " << maxDepth << ", behind at the end " << behindAtEnd << ", drained in "
            << drainMs << " ms -> " << (drainMs < 500 && maxDepth < rate ? "keeps up" : "BACKLOG")
            << Qt::endl;
    }
    return 0;
}
