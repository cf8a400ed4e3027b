// Export speed: a run of 1,000,000 readings (10 channels x 100,000 timestamps) exported as long and wide CSV,
// wide resampled to 1 min, and the whole bundle as a zip. Goal: 1,000,000 readings in at most 2 s.
#include "BenchUtil.h"
#include "RunExporter.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTextStream>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QTemporaryDir dir;
    const QString run = dir.filePath(QStringLiteral("bench.rdrun"));
    QElapsedTimer timer;
    timer.start();
    if (!BenchUtil::writeRun(run, 10, 100000)) {
        out << "could not write the run file" << Qt::endl;
        return 1;
    }
    out << "run file: 1,000,000 readings written in " << timer.elapsed() << " ms, "
        << QFileInfo(run).size() / (1024 * 1024) << " MiB" << Qt::endl;

    struct Case
    {
        const char *name;
        ExportRequest request;
    };
    QList<Case> cases;
    ExportRequest longCsv;
    longCsv.layout = ExportRequest::Layout::Long;
    longCsv.csvFile = dir.filePath(QStringLiteral("long.csv"));
    cases.append({"long CSV", longCsv});
    ExportRequest wideCsv;
    wideCsv.csvFile = dir.filePath(QStringLiteral("wide.csv"));
    cases.append({"wide CSV", wideCsv});
    ExportRequest resampled = wideCsv;
    resampled.resampleMs = 60000;
    cases.append({"wide CSV, 1 min mean", resampled});
    ExportRequest bundle = longCsv;
    bundle.manifestFile = dir.filePath(QStringLiteral("manifest.json"));
    bundle.auditFile = dir.filePath(QStringLiteral("audit.csv"));
    bundle.zipFile = dir.filePath(QStringLiteral("run.zip"));
    cases.append({"long CSV + manifest + audit in a zip", bundle});
    for (const Case &c : cases) {
        timer.restart();
        const RunExporter::Result result = RunExporter::exportRun(run, c.request);
        const qint64 ms = timer.elapsed();
        if (!result.ok) {
            out << c.name << ": failed: " << result.error << Qt::endl;
            return 1;
        }
        out << c.name << ": " << result.readings << " readings, " << result.rows << " rows in " << ms
            << " ms (" << qRound64(result.readings / (ms / 1000.0)) << " readings/s)" << Qt::endl;
    }
    return 0;
}
