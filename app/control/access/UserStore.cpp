#include "UserStore.h"

#include "AccessLog.h"
#include "PasswordHash.h"
#include "PasswordRule.h"
#include "PermissionMatrix.h"
#include "UserDatabase.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("UserStore", text);
}

QString userObject(const QString &name)
{
    return QStringLiteral("user.") + name;
}

AuditEntry accountEntry(const Actor &by, const QString &name, const QString &oldValue,
                        const QString &newValue, const QString &reason)
{
    return {QDateTime::currentMSecsSinceEpoch(),
            by.user,
            roleName(by.role),
            userObject(name),
            oldValue,
            newValue,
            reason};
}

AuditEntry sessionEntry(qint64 nowMs, const QString &name, const QString &role, const QString &what,
                        const QString &reason)
{
    return {nowMs, name, role, QStringLiteral("session"), QString(), what, reason};
}

bool validName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_.-]{1,64}$"));
    return pattern.match(name).hasMatch();
}

const QString accountColumns = QStringLiteral(
    "name, role, failed_attempts, locked_until_ms, must_change_password, disabled, last_sign_in_ms");

UserAccount accountFrom(const QSqlQuery &query)
{
    UserAccount account;
    account.name = query.value(0).toString();
    roleFromName(query.value(1).toString(), &account.role);
    account.failedAttempts = query.value(2).toInt();
    account.lockedUntilMs = query.value(3).toLongLong();
    account.mustChangePassword = query.value(4).toBool();
    account.disabled = query.value(5).toBool();
    account.lastSignInMs = query.value(6).toLongLong();
    return account;
}

bool isActiveAdmin(const UserAccount &account)
{
    return account.role == Role::Admin && !account.disabled;
}
} // namespace

UserStore::UserStore(QString path, qint64 lockoutMs) : m_path(std::move(path)), m_lockoutMs(lockoutMs)
{
}

bool UserStore::isEmpty(QString *error) const
{
    return accounts(error).isEmpty();
}

QList<UserAccount> UserStore::accounts(QString *error) const
{
    UserDatabase database(m_path);
    QList<UserAccount> result;
    if (!database.error().isEmpty()) {
        if (error)
            *error = database.error();
        return result;
    }
    QSqlQuery query(database.db());
    if (!query.exec(QStringLiteral("SELECT %1 FROM users ORDER BY name").arg(accountColumns))) {
        if (error)
            *error = tr("cannot read the users of %1: %2").arg(m_path, query.lastError().text());
        return result;
    }
    while (query.next())
        result.append(accountFrom(query));
    return result;
}

bool UserStore::refuseUnlessAdmin(const Actor &by, const QString &name, const QString &attempted,
                                  UserStoreResult *result)
{
    if (PermissionMatrix::allows(by.role, Permission::ManageUsers))
        return false;
    qCInfo(lcAccess) << by.user << "refused:" << attempted << "on user" << name;
    result->audit.append(PermissionMatrix::refusal(by, Permission::ManageUsers, userObject(name), attempted));
    result->error = PermissionMatrix::refusalText(by, Permission::ManageUsers);
    return true;
}

UserStoreResult UserStore::createUser(const Actor &by, const QString &name, const QString &password,
                                      Role role) const
{
    UserStoreResult result;
    UserDatabase database(m_path);
    if (!database.error().isEmpty()) {
        result.error = database.error();
        return result;
    }
    QSqlQuery count(database.db());
    count.exec(QStringLiteral("SELECT COUNT(*) FROM users"));
    const bool first = count.next() && count.value(0).toInt() == 0;
    if (!first && refuseUnlessAdmin(by, name, QStringLiteral("create as ") + roleName(role), &result))
        return result;
    if (!validName(name)) {
        result.error = tr("the user name '%1' must be 1 to 64 letters, digits, '.', '_' or '-'").arg(name);
        return result;
    }
    result.error = PasswordRule::problem(name, password);
    if (!result.ok())
        return result;
    QSqlQuery exists(database.db());
    exists.prepare(QStringLiteral("SELECT 1 FROM users WHERE name = :name"));
    exists.bindValue(QStringLiteral(":name"), name);
    if (exists.exec() && exists.next()) {
        result.error = tr("a user %1 exists already (disabled users keep their name)").arg(name);
        return result;
    }
    const Role storedRole = first ? Role::Admin : role;
    QSqlQuery insert(database.db());
    insert.prepare(QStringLiteral("INSERT INTO users (name, role, password_hash, must_change_password, "
                                  "created_ms) VALUES (:name, :role, :hash, :mustChange, :created)"));
    insert.bindValue(QStringLiteral(":name"), name);
    insert.bindValue(QStringLiteral(":role"), roleName(storedRole));
    insert.bindValue(QStringLiteral(":hash"), PasswordHash::create(password));
    // The admin chose the initial password and knows it: only the first admin, who chose their own, keeps it.
    insert.bindValue(QStringLiteral(":mustChange"), first ? 0 : 1);
    insert.bindValue(QStringLiteral(":created"), QDateTime::currentMSecsSinceEpoch());
    if (!insert.exec()) {
        result.error = tr("cannot create the user %1 in %2: %3").arg(name, m_path, insert.lastError().text());
        return result;
    }
    result.audit.append(
        accountEntry(by, name, QString(), roleName(storedRole),
                     first ? QStringLiteral("first admin account")
                           : QStringLiteral("user created; must change the password at the first sign-in")));
    return result;
}

UserStoreResult UserStore::updateUser(const Actor &by, const QString &name, const QString &attempted,
                                      const QString &assignments, const QVariantMap &values,
                                      const std::function<QString(const UserAccount &, int)> &guard,
                                      const std::function<AuditEntry(const UserAccount &)> &change) const
{
    UserStoreResult result;
    if (refuseUnlessAdmin(by, name, attempted, &result))
        return result;
    UserDatabase database(m_path);
    if (!database.error().isEmpty()) {
        result.error = database.error();
        return result;
    }
    QSqlQuery query(database.db());
    // IMMEDIATE: the last-admin check and the update see the same table, whoever else writes.
    if (!query.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        result.error = tr("cannot change the user %1 in %2: %3").arg(name, m_path, query.lastError().text());
        return result;
    }
    auto refuse = [&](const QString &error) {
        qCInfo(lcAccess) << by.user << "refused:" << attempted << "on user" << name << "-" << error;
        query.exec(QStringLiteral("ROLLBACK"));
        result.error = error;
        result.audit.append(
            accountEntry(by, name, QString(), attempted, QStringLiteral("refused: ") + error));
        return result;
    };
    QList<UserAccount> all;
    if (!query.exec(QStringLiteral("SELECT %1 FROM users").arg(accountColumns)))
        return refuse(tr("cannot read the users of %1: %2").arg(m_path, query.lastError().text()));
    while (query.next())
        all.append(accountFrom(query));
    const auto it =
        std::find_if(all.cbegin(), all.cend(), [&](const UserAccount &a) { return a.name == name; });
    if (it == all.cend())
        return refuse(tr("there is no user %1").arg(name));
    const QString guardError =
        guard ? guard(*it, int(std::count_if(all.cbegin(), all.cend(), isActiveAdmin))) : QString();
    if (!guardError.isEmpty())
        return refuse(guardError);
    query.prepare(QStringLiteral("UPDATE users SET %1 WHERE name = :name").arg(assignments));
    for (auto value = values.cbegin(); value != values.cend(); ++value)
        query.bindValue(value.key(), value.value());
    query.bindValue(QStringLiteral(":name"), name);
    if (!query.exec() || !query.exec(QStringLiteral("COMMIT")))
        return refuse(tr("cannot change the user %1 in %2: %3").arg(name, m_path, query.lastError().text()));
    result.audit.append(change(*it));
    qCInfo(lcAccess) << by.user << attempted << "on user" << name;
    return result;
}

namespace {
// The last active admin may not lose admin rights, or nobody could manage users any more.
QString lastAdminError(const UserAccount &account, int activeAdmins, const QString &what)
{
    if (isActiveAdmin(account) && activeAdmins <= 1)
        return tr("%1 is the last active admin and cannot be %2; make another user admin first")
            .arg(account.name, what);
    return {};
}
} // namespace

UserStoreResult UserStore::setRole(const Actor &by, const QString &name, Role role) const
{
    return updateUser(
        by, name, QStringLiteral("role ") + roleName(role), QStringLiteral("role = :role"),
        {{QStringLiteral(":role"), roleName(role)}},
        [role](const UserAccount &account, int activeAdmins) {
            return role == Role::Admin ? QString() : lastAdminError(account, activeAdmins, tr("demoted"));
        },
        [&](const UserAccount &account) {
            return accountEntry(by, name, roleName(account.role), roleName(role),
                                QStringLiteral("role changed"));
        });
}

UserStoreResult UserStore::resetPassword(const Actor &by, const QString &name, const QString &password) const
{
    UserStoreResult result;
    if (refuseUnlessAdmin(by, name, QStringLiteral("reset password"), &result))
        return result;
    result.error = PasswordRule::problem(name, password);
    if (!result.ok())
        return result;
    return updateUser(by, name, QStringLiteral("reset password"),
                      QStringLiteral("password_hash = :hash, must_change_password = 1"),
                      {{QStringLiteral(":hash"), PasswordHash::create(password)}}, {},
                      [&](const UserAccount &) {
                          return accountEntry(by, name, QString(), QStringLiteral("password reset"),
                                              QStringLiteral("must change the password at the next sign-in"));
                      });
}

UserStoreResult UserStore::unlock(const Actor &by, const QString &name) const
{
    return updateUser(by, name, QStringLiteral("unlock"),
                      QStringLiteral("failed_attempts = 0, locked_until_ms = 0"), {}, {},
                      [&](const UserAccount &) {
                          return accountEntry(by, name, QStringLiteral("locked"), QStringLiteral("unlocked"),
                                              QStringLiteral("account unlocked"));
                      });
}

UserStoreResult UserStore::setDisabled(const Actor &by, const QString &name, bool disabled) const
{
    const QString state = disabled ? QStringLiteral("disabled") : QStringLiteral("enabled");
    return updateUser(
        by, name, disabled ? QStringLiteral("disable") : QStringLiteral("enable"),
        QStringLiteral("disabled = :disabled"), {{QStringLiteral(":disabled"), disabled ? 1 : 0}},
        [disabled](const UserAccount &account, int activeAdmins) {
            return disabled ? lastAdminError(account, activeAdmins, tr("disabled")) : QString();
        },
        [&](const UserAccount &account) {
            return accountEntry(by, name,
                                account.disabled ? QStringLiteral("disabled") : QStringLiteral("enabled"),
                                state, QStringLiteral("account ") + state);
        });
}

SignInResult UserStore::checkCredentials(QSqlDatabase db, const QString &name, const QString &password,
                                         qint64 nowMs, const QString &attempt) const
{
    SignInResult result;
    QSqlQuery select(db);
    select.prepare(QStringLiteral("SELECT role, password_hash, failed_attempts, locked_until_ms, disabled "
                                  "FROM users WHERE name = :name"));
    select.bindValue(QStringLiteral(":name"), name);
    if (!select.exec() || !select.next()) {
        result.outcome = SignInResult::Outcome::Refused;
        result.message = tr("unknown user or wrong password");
        result.audit.append(
            sessionEntry(nowMs, name, QString(), attempt, QStringLiteral("refused: unknown user")));
        return result;
    }
    Role role = Role::Viewer;
    roleFromName(select.value(0).toString(), &role);
    const QString roleText = roleName(role);
    const QString hash = select.value(1).toString();
    int failed = select.value(2).toInt();
    const qint64 lockedUntil = select.value(3).toLongLong();
    if (select.value(4).toBool()) {
        result.outcome = SignInResult::Outcome::Refused;
        result.message = tr("the account %1 is disabled; ask an administrator").arg(name);
        result.audit.append(
            sessionEntry(nowMs, name, roleText, attempt, QStringLiteral("refused: account disabled")));
        return result;
    }
    if (lockedUntil > nowMs) {
        result.outcome = SignInResult::Outcome::LockedOut;
        result.message =
            tr("the account %1 is locked until %2")
                .arg(name, QLocale().toString(QDateTime::fromMSecsSinceEpoch(lockedUntil).toLocalTime(),
                                              QLocale::ShortFormat));
        result.audit.append(
            sessionEntry(nowMs, name, roleText, attempt, QStringLiteral("refused: account locked")));
        return result;
    }
    if (lockedUntil != 0)
        failed = 0; // the lockout has expired: a fresh series of attempts
    const bool right = PasswordHash::verify(password, hash);
    if (!right)
        ++failed;
    const bool lock = failed >= maxFailedAttempts;
    QSqlQuery update(db);
    update.prepare(QStringLiteral(
        "UPDATE users SET failed_attempts = :failed, locked_until_ms = :locked WHERE name = :name"));
    update.bindValue(QStringLiteral(":name"), name);
    update.bindValue(QStringLiteral(":failed"), right ? 0 : failed);
    update.bindValue(QStringLiteral(":locked"), lock ? nowMs + m_lockoutMs : 0);
    const bool stored = update.exec();
    if (right) {
        if (!stored) {
            // Without resetting the failure count the lockout would count wrongly: refuse rather than guess.
            result.message =
                tr("cannot update the account %1 in %2: %3").arg(name, m_path, update.lastError().text());
            return result;
        }
        result.outcome = SignInResult::Outcome::SignedIn;
        result.actor = {name, role};
        return result;
    }
    if (!stored)
        result.audit.append(
            sessionEntry(nowMs, name, roleText, attempt,
                         QStringLiteral("failed attempt not stored: ") + update.lastError().text()));
    result.outcome = lock ? SignInResult::Outcome::LockedOut : SignInResult::Outcome::Refused;
    result.attemptsLeft = std::max(0, maxFailedAttempts - failed);
    result.message = lock ? tr("too many failed attempts: the account %1 is locked").arg(name)
                          : tr("unknown user or wrong password");
    result.audit.append(sessionEntry(
        nowMs, name, roleText, attempt,
        lock ? QStringLiteral("refused: wrong password; account locked after %1 failures").arg(failed)
             : QStringLiteral("refused: wrong password (%1 of %2)").arg(failed).arg(maxFailedAttempts)));
    return result;
}

SignInResult UserStore::signIn(const QString &name, const QString &password, qint64 nowMs) const
{
    UserDatabase database(m_path);
    if (!database.error().isEmpty()) {
        SignInResult failed;
        failed.message = database.error();
        return failed;
    }
    SignInResult result = checkCredentials(database.db(), name, password, nowMs, QStringLiteral("sign in"));
    if (result.outcome != SignInResult::Outcome::SignedIn)
        return result;
    const QString role = roleName(result.actor.role);
    QSqlQuery query(database.db());
    query.prepare(QStringLiteral("SELECT must_change_password FROM users WHERE name = :name"));
    query.bindValue(QStringLiteral(":name"), name);
    if (query.exec() && query.next() && query.value(0).toBool()) {
        result.outcome = SignInResult::Outcome::MustChangePassword;
        result.actor.role = Role::Viewer; // not signed in yet: the name only says who must change
        result.message =
            tr("%1 must choose a new password before signing in (the current one was set by an admin)")
                .arg(name);
        result.audit.append(sessionEntry(nowMs, name, role, QStringLiteral("sign in"),
                                         QStringLiteral("password change required first")));
        return result;
    }
    query.prepare(QStringLiteral("UPDATE users SET last_sign_in_ms = :now WHERE name = :name"));
    query.bindValue(QStringLiteral(":now"), nowMs);
    query.bindValue(QStringLiteral(":name"), name);
    query.exec(); // the last sign-in time is information only: a failure here does not refuse the user
    result.audit.append(sessionEntry(nowMs, name, role, QStringLiteral("signed in"), QString()));
    return result;
}

SignInResult UserStore::changePassword(const QString &name, const QString &oldPassword,
                                       const QString &newPassword, qint64 nowMs) const
{
    UserDatabase database(m_path);
    SignInResult result;
    if (!database.error().isEmpty()) {
        result.message = database.error();
        return result;
    }
    result = checkCredentials(database.db(), name, oldPassword, nowMs, QStringLiteral("change password"));
    if (result.outcome != SignInResult::Outcome::SignedIn)
        return result;
    const QString role = roleName(result.actor.role);
    QString problem = PasswordRule::problem(name, newPassword);
    if (problem.isEmpty() && newPassword == oldPassword)
        problem = tr("the new password for %1 must differ from the old one").arg(name);
    if (!problem.isEmpty()) {
        result.outcome = SignInResult::Outcome::Refused;
        result.actor = Actor{};
        result.message = problem;
        result.audit.append(sessionEntry(nowMs, name, role, QStringLiteral("change password"),
                                         QStringLiteral("refused: ") + problem));
        return result;
    }
    QSqlQuery update(database.db());
    update.prepare(QStringLiteral("UPDATE users SET password_hash = :hash, must_change_password = 0, "
                                  "last_sign_in_ms = :now WHERE name = :name"));
    update.bindValue(QStringLiteral(":hash"), PasswordHash::create(newPassword));
    update.bindValue(QStringLiteral(":now"), nowMs);
    update.bindValue(QStringLiteral(":name"), name);
    if (!update.exec()) {
        result.outcome = SignInResult::Outcome::Failed;
        result.actor = Actor{};
        result.message =
            tr("cannot change the password of %1 in %2: %3").arg(name, m_path, update.lastError().text());
        return result;
    }
    result.audit.append(accountEntry(result.actor, name, QString(), QStringLiteral("password changed"),
                                     QStringLiteral("changed by the user")));
    return result;
}
