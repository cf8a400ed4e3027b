#pragma once
// One entry point per reactordesk-cli subcommand. Each takes the arguments after the subcommand name
// (arguments.first() is the program name + subcommand, as QCommandLineParser expects) and returns the exit
// code. Each runs its own event loop when it needs one (QCoreApplication exists).
#include <QStringList>

int runRecordCommand(const QStringList &arguments);
int runExportCommand(const QStringList &arguments);
int runVerifyCommand(const QStringList &arguments);
int runLookupCommand(const QStringList &arguments);
int runModelCommand(const QStringList &arguments);
int runProbeCommand(const QStringList &arguments);
int runUsersCommand(const QStringList &arguments);
