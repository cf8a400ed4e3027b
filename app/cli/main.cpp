// reactordesk-cli: the ReactorDesk core without a window, for scripts and tests.
#include "Commands.h"

#include <QCoreApplication>
#include <QTextStream>

#include <functional>
#include <map>

namespace {
struct Subcommand
{
    std::function<int(const QStringList &)> run;
    const char *summary;
};

const std::map<QString, Subcommand> &subcommands()
{
    static const std::map<QString, Subcommand> table = {
        {QStringLiteral("record"), {runRecordCommand, "record a run (--demo starts the simulator)"}},
        {QStringLiteral("export"), {runExportCommand, "export a run file as CSV"}},
        {QStringLiteral("probe"), {runProbeCommand, "read every channel of one instrument once"}},
        {QStringLiteral("verify"), {runVerifyCommand, "check a run file and its audit hash chain"}},
        {QStringLiteral("lookup"), {runLookupCommand, "look up compounds on PubChem"}},
        {QStringLiteral("model"), {runModelCommand, "process models: simulate, estimate, optimize"}},
        {QStringLiteral("users"), {runUsersCommand, "manage user accounts (passwords from stdin)"}},
    };
    return table;
}

int printUsage(QTextStream &out)
{
    out << QCoreApplication::translate("cli", "usage: reactordesk-cli <command> [options]\n       "
                                              "reactordesk-cli --version\ncommands:\n");
    for (const auto &[name, command] : subcommands())
        out << "  " << name.leftJustified(10) << QCoreApplication::translate("cli", command.summary) << '\n';
    return 2;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("reactordesk-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("ReactorDesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(REACTORDESK_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QStringList args = app.arguments();
    if (args.size() < 2)
        return printUsage(err);
    const QString first = args.at(1);
    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        out << "reactordesk-cli " << REACTORDESK_VERSION << '\n';
        return 0;
    }
    if (first == QLatin1String("--help") || first == QLatin1String("-h")) {
        printUsage(out);
        return 0;
    }
    const auto it = subcommands().find(first);
    if (it == subcommands().end()) {
        err << QCoreApplication::translate("cli", "unknown command: %1").arg(first) << '\n';
        return printUsage(err);
    }
    QStringList rest = args.mid(2);
    rest.prepend(args.at(0) + QLatin1Char(' ') + first);
    return it->second.run(rest);
}
