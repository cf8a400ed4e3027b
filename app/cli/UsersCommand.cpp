// reactordesk-cli users: manage the workstation's user accounts without the GUI. Passwords are read from
// stdin (one per line), never from the command line, and never printed. Changes need an admin's sign-in
// (--admin), except `init`, which creates the first (admin) account of an empty store, and `passwd`, where
// users change their own password (old, then new, on stdin).
#include "Commands.h"
#include "ControlSystem.h"
#include "UserStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QTextStream>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("UsersCommand", text);
}

void printAudit(QTextStream &out, const QList<AuditEntry> &entries)
{
    for (const AuditEntry &e : entries)
        out << "audit: " << e.user << " (" << e.role << ") " << e.object << ": " << e.oldValue << " -> "
            << e.newValue
            << (e.reason.isEmpty() ? QString() : QStringLiteral(" [") + e.reason + QLatin1Char(']')) << '\n';
}
} // namespace

int runUsersCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Manage user accounts: list | init NAME | passwd USER | add USER ROLE | set-role USER ROLE | "
           "reset-password USER | unlock USER | disable USER | enable USER. Passwords are read from stdin, "
           "one per line: the admin's (--admin) first, then the new one."));
    parser.addHelpOption();
    const QCommandLineOption storeOption(QStringLiteral("store"), tr("The user store (SQLite)."),
                                         QStringLiteral("FILE"), ControlSystem::defaultUserStorePath());
    const QCommandLineOption adminOption(QStringLiteral("admin"),
                                         tr("Act as this admin (password: first stdin line)."),
                                         QStringLiteral("NAME"));
    parser.addOptions({storeOption, adminOption});
    parser.addPositionalArgument(
        QStringLiteral("action"),
        tr("list, init, passwd, add, set-role, reset-password, unlock, disable or enable"));
    parser.process(arguments);

    QTextStream out(stdout);
    QTextStream err(stderr);
    QTextStream in(stdin);
    UserStore store(parser.value(storeOption));
    const QStringList args = parser.positionalArguments();
    const QString action = args.value(0);
    auto needs = [&](int count) {
        if (args.size() == count)
            return true;
        err << tr("users %1: expected %2 argument(s), got %3").arg(action).arg(count - 1).arg(args.size() - 1)
            << '\n';
        return false;
    };
    auto role = [&](const QString &name, Role *result) {
        if (roleFromName(name, result))
            return true;
        err << tr("unknown role '%1' (Viewer, Operator, Supervisor, Admin)").arg(name) << '\n';
        return false;
    };
    auto finish = [&](const UserStoreResult &result) {
        printAudit(out, result.audit);
        if (!result.ok()) {
            err << result.error << '\n';
            return 1;
        }
        return 0;
    };

    if (action == QLatin1String("list")) {
        QString error;
        const QList<UserAccount> accounts = store.accounts(&error);
        if (!error.isEmpty()) {
            err << error << '\n';
            return 1;
        }
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (const UserAccount &a : accounts) {
            QStringList states;
            if (a.lockedAt(now))
                states << QStringLiteral("locked");
            if (a.disabled)
                states << QStringLiteral("disabled");
            if (a.mustChangePassword)
                states << QStringLiteral("must-change-password");
            if (states.isEmpty())
                states << QStringLiteral("active");
            const QString lastSignIn =
                a.lastSignInMs > 0
                    ? QDateTime::fromMSecsSinceEpoch(a.lastSignInMs, Qt::UTC).toString(Qt::ISODate)
                    : QStringLiteral("never");
            out << a.name << '\t' << roleName(a.role) << '\t' << states.join(QLatin1Char(',')) << '\t'
                << lastSignIn << '\n';
        }
        return 0;
    }
    if (action == QLatin1String("passwd")) {
        if (!needs(2))
            return 2;
        const QString oldPassword = in.readLine();
        const SignInResult changed =
            store.changePassword(args.at(1), oldPassword, in.readLine(), QDateTime::currentMSecsSinceEpoch());
        printAudit(out, changed.audit);
        if (changed.outcome != SignInResult::Outcome::SignedIn) {
            err << changed.message << '\n';
            return 1;
        }
        return 0;
    }
    if (action == QLatin1String("init")) {
        if (!needs(2))
            return 2;
        if (!store.isEmpty()) {
            err << tr("%1 already has accounts; use --admin NAME add").arg(store.path()) << '\n';
            return 1;
        }
        return finish(store.createUser(Actor{}, args.at(1), in.readLine(), Role::Admin));
    }

    // Everything else acts as a signed-in admin.
    if (!parser.isSet(adminOption)) {
        err << tr("users %1 needs --admin NAME").arg(action) << '\n';
        return 2;
    }
    const SignInResult signIn =
        store.signIn(parser.value(adminOption), in.readLine(), QDateTime::currentMSecsSinceEpoch());
    printAudit(out, signIn.audit);
    if (signIn.outcome != SignInResult::Outcome::SignedIn) {
        err << signIn.message << '\n';
        return 1;
    }
    Role newRole = Role::Viewer;
    if (action == QLatin1String("add")) {
        if (!needs(3) || !role(args.at(2), &newRole))
            return 2;
        return finish(store.createUser(signIn.actor, args.at(1), in.readLine(), newRole));
    }
    if (action == QLatin1String("unlock"))
        return needs(2) ? finish(store.unlock(signIn.actor, args.at(1))) : 2;
    if (action == QLatin1String("disable") || action == QLatin1String("enable"))
        return needs(2)
                   ? finish(store.setDisabled(signIn.actor, args.at(1), action == QLatin1String("disable")))
                   : 2;
    if (action == QLatin1String("reset-password"))
        return needs(2) ? finish(store.resetPassword(signIn.actor, args.at(1), in.readLine())) : 2;
    if (action == QLatin1String("set-role")) {
        if (!needs(3) || !role(args.at(2), &newRole))
            return 2;
        return finish(store.setRole(signIn.actor, args.at(1), newRole));
    }
    err << tr("unknown users action '%1'").arg(action) << '\n';
    return 2;
}
