#pragma once
// Small helpers shared by the recording benchmarks: resident memory, and writing a run file of N readings.
#include "RunRecorder.h"

#include <QCoreApplication>
#include <QFile>
#include <QThread>

#include <cmath>

#include <unistd.h>

namespace BenchUtil {
inline double residentMiB()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields.at(1).toDouble() * double(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0)
                             : 0;
}

// channels x perChannel readings, 1 Hz per channel, written through the real recorder.
inline bool writeRun(const QString &path, int channels, int perChannel)
{
    RunRecorder recorder(path, {{QStringLiteral("station"), QStringLiteral("bench")}});
    bool opened = false;
    QObject::connect(&recorder, &RunRecorder::opened, [&] { opened = true; });
    recorder.start();
    while (!opened)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    const qint64 t0 = 1763769600000;
    QList<Reading> batch;
    for (int i = 0; i < perChannel; ++i) {
        for (int c = 0; c < channels; ++c)
            batch << Reading{QStringLiteral("ch%1").arg(c, 2, 10, QLatin1Char('0')), t0 + i * 1000,
                             20.0 + c + std::sin(i * 0.001) * 5.0 + i * 1e-6, QStringLiteral("u%1").arg(c),
                             i % 1000 == 999 ? Quality::Bad : Quality::Good};
        if (batch.size() >= 50000) {
            recorder.record(batch);
            batch.clear();
            while (recorder.queueDepth() > 200000)
                QThread::msleep(5);
        }
    }
    recorder.record(batch);
    recorder.stop();
    return recorder.committedReadings() == qint64(channels) * perChannel;
}
} // namespace BenchUtil
