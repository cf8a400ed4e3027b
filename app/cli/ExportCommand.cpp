// reactordesk-cli export RUNFILE --csv OUT.csv [--layout wide|long]
#include "Commands.h"

#include "RunExporter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ExportCommand", text);
}
} // namespace

int runExportCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Export a run file as CSV."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("RUNFILE"), tr("The run file to export."));
    const QCommandLineOption csv(QStringLiteral("csv"), tr("CSV file to write."), QStringLiteral("OUT.csv"));
    const QCommandLineOption layout(QStringLiteral("layout"), tr("wide (one column per channel) or long."),
                                    QStringLiteral("wide|long"), QStringLiteral("wide"));
    parser.addOptions({csv, layout});
    QTextStream err(stderr);
    if (!parser.parse(arguments)) {
        err << parser.errorText() << '\n';
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    const QString layoutName = parser.value(layout);
    if (parser.positionalArguments().size() != 1 || !parser.isSet(csv) ||
        (layoutName != QLatin1String("wide") && layoutName != QLatin1String("long"))) {
        err << tr("usage: reactordesk-cli export RUNFILE --csv OUT.csv [--layout wide|long]") << '\n';
        return 2;
    }
    const RunExporter::Result result = RunExporter::exportCsv(
        parser.positionalArguments().constFirst(), parser.value(csv),
        layoutName == QLatin1String("long") ? RunExporter::Layout::Long : RunExporter::Layout::Wide);
    if (!result.ok) {
        err << result.error << '\n';
        return 1;
    }
    QTextStream(stdout) << tr("wrote %1 rows to %2").arg(result.rows).arg(parser.value(csv)) << '\n';
    return 0;
}
