#pragma once
// The parsing every subcommand shares.
#include <QCommandLineParser>
#include <QStringList>

#include <optional>

// Parses a subcommand's arguments. Returns the exit code to end with at once (2 after printing the parse
// error, 0 after printing --help), or nothing when the command should go on.
std::optional<int> parseSubcommandLine(QCommandLineParser &parser, const QStringList &arguments);
