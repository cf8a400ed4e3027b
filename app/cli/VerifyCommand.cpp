// reactordesk-cli verify RUNFILE: exit 0 when the run file is intact (integrity check, append-only triggers,
// audit hash chain), 1 naming the first problem otherwise, 2 on usage errors.
#include "CommandLine.h"
#include "Commands.h"

#include "RunVerifier.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("VerifyCommand", text);
}
} // namespace

int runVerifyCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Check a run file's integrity and its audit trail's hash chain."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("RUNFILE"), tr("The run file to verify."));
    QTextStream err(stderr);
    if (const auto exitNow = parseSubcommandLine(parser, arguments))
        return *exitNow;
    if (parser.positionalArguments().size() != 1) {
        err << tr("usage: reactordesk-cli verify RUNFILE") << '\n';
        return 2;
    }
    const QString runFile = parser.positionalArguments().constFirst();
    const RunVerifier::Report report = RunVerifier::verify(runFile);
    if (!report.ok) {
        err << report.problem << '\n';
        return 1;
    }
    QTextStream(stdout)
        << tr("%1: intact (integrity ok, %2 audit rows verified)").arg(runFile).arg(report.auditRows) << '\n';
    return 0;
}
