// Memory of the sample store on a long run: 64 channels x 1 Hz for N days (30 by default: 165,888,000
// readings), resident memory measured from /proc/self/statm, plus the time to append and the cost of asking
// for a plot of the whole run and of the last hour.
#include "SampleStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QStringList>
#include <QTextStream>

#include <cmath>
#include <unistd.h>

namespace {
double residentMiB()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields.at(1).toDouble() * double(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0)
                             : 0;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const int days = argc > 1 ? QByteArray(argv[1]).toInt() : 30;
    constexpr int channels = 64;
    const qint64 seconds = qint64(days) * 86400;
    QStringList names;
    for (int c = 0; c < channels; ++c)
        names << QStringLiteral("ch%1").arg(c);
    const QString unit = QStringLiteral("u");

    const double before = residentMiB();
    SampleStore store;
    QElapsedTimer timer;
    timer.start();
    Reading reading{QString(), 0, 0.0, unit, Quality::Good};
    const qint64 t0 = 1763769600000;
    for (qint64 s = 0; s < seconds; ++s) {
        for (int c = 0; c < channels; ++c) {
            reading.channel = names.at(c);
            reading.sourceTimeMs = t0 + s * 1000;
            reading.value = c + std::sin(s * 1e-4 + c);
            store.append(reading);
        }
    }
    const qint64 appendMs = timer.elapsed();
    const double after = residentMiB();
    const double readings = double(seconds) * channels;
    out << days << " days x " << channels << " channels x 1 Hz = " << qint64(readings) << " readings"
        << Qt::endl;
    out << "append: " << appendMs << " ms (" << qRound(readings / (appendMs / 1000.0) / 1e6)
        << " M readings/s)" << Qt::endl;
    out << "resident: " << qRound(after - before) << " MiB ("
        << QString::number((after - before) * 1048576.0 / readings, 'f', 2)
        << " bytes per reading); store's own count " << qint64(store.memoryBytes() / 1048576) << " MiB"
        << Qt::endl;

    QVector<double> keys, values;
    for (const auto &[label, span] : {std::pair<const char *, double>{"whole run", double(seconds)},
                                      std::pair<const char *, double>{"last day", 86400.0},
                                      std::pair<const char *, double>{"last hour", 3600.0}}) {
        const double last = (t0 + (seconds - 1) * 1000) / 1000.0;
        timer.restart();
        int level = 0;
        constexpr int rounds = 100;
        for (int i = 0; i < rounds; ++i)
            level = store.plotPoints(names.at(i % channels), last - span, last, 4000, &keys, &values);
        out << "plot points for the " << label << ": " << keys.size() << " points from level " << level
            << " in " << QString::number(timer.nsecsElapsed() / 1e3 / rounds, 'f', 1) << " us per channel"
            << Qt::endl;
    }
    return 0;
}
