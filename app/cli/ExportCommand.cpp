// reactordesk-cli export RUNFILE --csv OUT.csv [--layout wide|long] [--from ISO] [--to ISO]
//   [--channels a,b] [--resample 1s|1min] [--resample-method mean|last] [--manifest M.json]
//   [--audit A.csv] [--events E.csv] [--zip OUT.zip]
#include "CommandLine.h"
#include "Commands.h"

#include "RunExporter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QRegularExpression>
#include <QTextStream>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ExportCommand", text);
}

// ISO 8601 with an explicit offset (Z or +hh:mm): a time without one would mean different instants on
// different machines.
bool parseInstant(const QString &text, qint64 *ms)
{
    static const QRegularExpression offset(QStringLiteral("(Z|[+-]\\d\\d:?\\d\\d)$"));
    if (!offset.match(text).hasMatch())
        return false;
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        return false;
    *ms = time.toMSecsSinceEpoch();
    return true;
}
} // namespace

int runExportCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Export a run file as CSV, with its manifest and audit trail."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("RUNFILE"), tr("The run file to export."));
    const QCommandLineOption csv(QStringLiteral("csv"), tr("CSV file of the readings."),
                                 QStringLiteral("OUT.csv"));
    const QCommandLineOption layout(QStringLiteral("layout"), tr("wide (one column per channel) or long."),
                                    QStringLiteral("wide|long"), QStringLiteral("wide"));
    const QCommandLineOption from(QStringLiteral("from"), tr("First instant, ISO 8601 with offset."),
                                  QStringLiteral("TIME"));
    const QCommandLineOption to(QStringLiteral("to"), tr("Last instant, ISO 8601 with offset."),
                                QStringLiteral("TIME"));
    const QCommandLineOption channels(QStringLiteral("channels"), tr("Comma-separated channel names."),
                                      QStringLiteral("LIST"));
    const QCommandLineOption resample(QStringLiteral("resample"), tr("Wide layout: one row per interval."),
                                      QStringLiteral("1s|1min"));
    const QCommandLineOption method(QStringLiteral("resample-method"), tr("mean or last."),
                                    QStringLiteral("mean|last"), QStringLiteral("mean"));
    const QCommandLineOption manifest(QStringLiteral("manifest"), tr("JSON manifest to write."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption audit(QStringLiteral("audit"), tr("Audit trail CSV to write."),
                                   QStringLiteral("FILE"));
    const QCommandLineOption events(QStringLiteral("events"), tr("Run events CSV to write."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption zip(QStringLiteral("zip"), tr("Bundle all outputs in this zip."),
                                 QStringLiteral("FILE"));
    parser.addOptions({csv, layout, from, to, channels, resample, method, manifest, audit, events, zip});
    QTextStream err(stderr);
    if (const auto exitNow = parseSubcommandLine(parser, arguments))
        return *exitNow;
    const QString usage = tr("usage: reactordesk-cli export RUNFILE --csv OUT.csv [--layout wide|long] "
                             "[--from ISO] [--to ISO] [--channels a,b] [--resample 1s|1min] "
                             "[--resample-method mean|last] [--manifest FILE] [--audit FILE] [--events FILE] "
                             "[--zip FILE]");
    const QString layoutName = parser.value(layout);
    if (parser.positionalArguments().size() != 1 || !parser.isSet(csv) ||
        (layoutName != QLatin1String("wide") && layoutName != QLatin1String("long"))) {
        err << usage << '\n';
        return 2;
    }
    ExportRequest request;
    request.layout =
        layoutName == QLatin1String("long") ? ExportRequest::Layout::Long : ExportRequest::Layout::Wide;
    request.csvFile = parser.value(csv);
    if (parser.isSet(from) && !parseInstant(parser.value(from), &request.fromMs)) {
        err << tr("--from: \"%1\" is not an ISO 8601 time with an offset (e.g. 2026-03-01T08:00:00+01:00)")
                   .arg(parser.value(from))
            << '\n';
        return 2;
    }
    if (parser.isSet(to) && !parseInstant(parser.value(to), &request.toMs)) {
        err << tr("--to: \"%1\" is not an ISO 8601 time with an offset (e.g. 2026-03-01T18:00:00Z)")
                   .arg(parser.value(to))
            << '\n';
        return 2;
    }
    if (parser.isSet(channels))
        request.channels = parser.value(channels).split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (parser.isSet(resample)) {
        const QString interval = parser.value(resample);
        if (interval != QLatin1String("1s") && interval != QLatin1String("1min")) {
            err << tr("--resample: expected 1s or 1min, got \"%1\"").arg(interval) << '\n';
            return 2;
        }
        if (request.layout != ExportRequest::Layout::Wide) {
            err << tr("--resample applies to the wide layout only") << '\n';
            return 2;
        }
        request.resampleMs = interval == QLatin1String("1s") ? 1000 : 60000;
    }
    const QString methodName = parser.value(method);
    if (methodName != QLatin1String("mean") && methodName != QLatin1String("last")) {
        err << tr("--resample-method: expected mean or last, got \"%1\"").arg(methodName) << '\n';
        return 2;
    }
    request.resample =
        methodName == QLatin1String("last") ? ExportRequest::Resample::Last : ExportRequest::Resample::Mean;
    request.manifestFile = parser.value(manifest);
    request.auditFile = parser.value(audit);
    request.eventsFile = parser.value(events);
    request.zipFile = parser.value(zip);

    const RunExporter::Result result =
        RunExporter::exportRun(parser.positionalArguments().constFirst(), request);
    if (!result.ok) {
        err << result.error << '\n';
        return 1;
    }
    QTextStream(stdout) << tr("wrote %1 rows (%2 readings) to %3")
                               .arg(result.rows)
                               .arg(result.readings)
                               .arg(request.zipFile.isEmpty() ? request.csvFile : request.zipFile)
                        << '\n';
    return 0;
}
