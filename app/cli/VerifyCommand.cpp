// reactordesk-cli verify RUNFILE [--anchors DIR] [--key FILE]: exit 0 when the run file is intact (integrity
// check, append-only triggers, audit hash chain, and the chain against the run's anchor log outside the
// file), 1 naming the first problem otherwise, 2 on usage errors. No anchor log is a warning line, still exit
// 0.
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
    const AnchorLocation standard = AnchorLocation::standard();
    const QCommandLineOption anchorsOption(QStringLiteral("anchors"),
                                           tr("Folder of the anchor logs (default %1).").arg(standard.folder),
                                           tr("DIR"), standard.folder);
    const QCommandLineOption keyOption(
        QStringLiteral("key"), tr("The installation's anchor key (default %1).").arg(standard.keyFile),
        tr("FILE"), standard.keyFile);
    parser.addOptions({anchorsOption, keyOption});
    QTextStream err(stderr);
    if (const auto exitNow = parseSubcommandLine(parser, arguments))
        return *exitNow;
    if (parser.positionalArguments().size() != 1) {
        err << tr("usage: reactordesk-cli verify RUNFILE [--anchors DIR] [--key FILE]") << '\n';
        return 2;
    }
    const QString runFile = parser.positionalArguments().constFirst();
    const RunVerifier::Report report =
        RunVerifier::verify(runFile, AnchorLocation{parser.value(anchorsOption), parser.value(keyOption)});
    for (const QString &warning : report.warnings)
        err << warning << '\n';
    if (!report.ok) {
        err << report.problem << '\n';
        return 1;
    }
    err.flush();
    QTextStream(stdout) << tr("%1: intact (integrity ok, %2 audit rows verified, %3 of them anchored)")
                               .arg(runFile)
                               .arg(report.auditRows)
                               .arg(report.anchoredRows)
                        << '\n';
    return 0;
}
