#include "UserStore.h"

#include "PasswordHash.h"
#include "PermissionMatrix.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>
#include <QVariant>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("UserStore", text);
}

AuditEntry accountEntry(const Actor &by, const QString &name, const QString &oldValue,
                        const QString &newValue, const QString &reason)
{
    return {QDateTime::currentMSecsSinceEpoch(),
            by.user,
            roleName(by.role),
            QStringLiteral("user.") + name,
            oldValue,
            newValue,
            reason};
}

// One connection for one call, opened on the calling thread and removed when the call ends.
class ScopedDatabase
{
public:
    explicit ScopedDatabase(const QString &path)
        : m_name(QStringLiteral("rd_users_") + QUuid::createUuid().toString(QUuid::WithoutBraces))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=2000"));
        if (!db.open()) {
            m_error = tr("cannot open the user store %1: %2").arg(path, db.lastError().text());
            return;
        }
        QSqlQuery query(db);
        // WAL with synchronous=NORMAL: a commit does not wait for fsync.
        query.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
        query.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
        if (!query.exec(
                QStringLiteral("CREATE TABLE IF NOT EXISTS users (name TEXT PRIMARY KEY NOT NULL, "
                               "role TEXT NOT NULL, password_hash TEXT NOT NULL, "
                               "failed_attempts INTEGER NOT NULL DEFAULT 0, "
                               "locked_until_ms INTEGER NOT NULL DEFAULT 0, created_ms INTEGER NOT NULL)")))
            m_error = tr("cannot create the users table in %1: %2").arg(path, query.lastError().text());
    }
    ~ScopedDatabase()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    QString error() const { return m_error; }

private:
    QString m_name;
    QString m_error;
};

bool validName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_.-]{1,64}$"));
    return pattern.match(name).hasMatch();
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
    ScopedDatabase database(m_path);
    QList<UserAccount> result;
    if (!database.error().isEmpty()) {
        if (error)
            *error = database.error();
        return result;
    }
    QSqlQuery query(database.db());
    if (!query.exec(
            QStringLiteral("SELECT name, role, failed_attempts, locked_until_ms FROM users ORDER BY name"))) {
        if (error)
            *error = tr("cannot read the users of %1: %2").arg(m_path, query.lastError().text());
        return result;
    }
    while (query.next()) {
        UserAccount account;
        account.name = query.value(0).toString();
        roleFromName(query.value(1).toString(), &account.role);
        account.failedAttempts = query.value(2).toInt();
        account.lockedUntilMs = query.value(3).toLongLong();
        result.append(account);
    }
    return result;
}

UserStoreResult UserStore::createUser(const Actor &by, const QString &name, const QString &password,
                                      Role role)
{
    UserStoreResult result;
    ScopedDatabase database(m_path);
    if (!database.error().isEmpty()) {
        result.error = database.error();
        return result;
    }
    QSqlQuery count(database.db());
    count.exec(QStringLiteral("SELECT COUNT(*) FROM users"));
    const bool first = count.next() && count.value(0).toInt() == 0;
    if (!first && !PermissionMatrix::allows(by.role, Permission::ManageUsers)) {
        result.audit.append(PermissionMatrix::refusal(by, Permission::ManageUsers,
                                                      QStringLiteral("user.") + name,
                                                      QStringLiteral("create as ") + roleName(role)));
        result.error = PermissionMatrix::refusalText(by, Permission::ManageUsers);
        return result;
    }
    if (!validName(name)) {
        result.error = tr("the user name '%1' must be 1 to 64 letters, digits, '.', '_' or '-'").arg(name);
        return result;
    }
    if (password.size() < minimumPasswordLength) {
        result.error =
            tr("the password for %1 must have at least %2 characters").arg(name).arg(minimumPasswordLength);
        return result;
    }
    const Role storedRole = first ? Role::Admin : role;
    QSqlQuery insert(database.db());
    insert.prepare(QStringLiteral(
        "INSERT INTO users (name, role, password_hash, created_ms) VALUES (:name, :role, :hash, :created)"));
    insert.bindValue(QStringLiteral(":name"), name);
    insert.bindValue(QStringLiteral(":role"), roleName(storedRole));
    insert.bindValue(QStringLiteral(":hash"), PasswordHash::create(password));
    insert.bindValue(QStringLiteral(":created"), QDateTime::currentMSecsSinceEpoch());
    if (!insert.exec()) {
        result.error = tr("cannot create the user %1 in %2: %3").arg(name, m_path, insert.lastError().text());
        return result;
    }
    result.audit.append(
        accountEntry(by, name, QString(), roleName(storedRole),
                     first ? QStringLiteral("first admin account") : QStringLiteral("user created")));
    return result;
}

UserStoreResult UserStore::setRole(const Actor &by, const QString &name, Role role)
{
    UserStoreResult result;
    if (!PermissionMatrix::allows(by.role, Permission::ManageUsers)) {
        result.audit.append(PermissionMatrix::refusal(by, Permission::ManageUsers,
                                                      QStringLiteral("user.") + name,
                                                      QStringLiteral("role ") + roleName(role)));
        result.error = PermissionMatrix::refusalText(by, Permission::ManageUsers);
        return result;
    }
    const QList<UserAccount> all = accounts(&result.error);
    if (!result.ok())
        return result;
    auto it = std::find_if(all.begin(), all.end(), [&](const UserAccount &a) { return a.name == name; });
    if (it == all.end()) {
        result.error = tr("there is no user %1").arg(name);
        return result;
    }
    ScopedDatabase database(m_path);
    QSqlQuery update(database.db());
    update.prepare(QStringLiteral("UPDATE users SET role = :role WHERE name = :name"));
    update.bindValue(QStringLiteral(":role"), roleName(role));
    update.bindValue(QStringLiteral(":name"), name);
    if (!update.exec()) {
        result.error = tr("cannot change the role of %1: %2").arg(name, update.lastError().text());
        return result;
    }
    result.audit.append(
        accountEntry(by, name, roleName(it->role), roleName(role), QStringLiteral("role changed")));
    return result;
}

UserStoreResult UserStore::unlock(const Actor &by, const QString &name)
{
    UserStoreResult result;
    if (!PermissionMatrix::allows(by.role, Permission::ManageUsers)) {
        result.audit.append(PermissionMatrix::refusal(
            by, Permission::ManageUsers, QStringLiteral("user.") + name, QStringLiteral("unlock")));
        result.error = PermissionMatrix::refusalText(by, Permission::ManageUsers);
        return result;
    }
    ScopedDatabase database(m_path);
    QSqlQuery update(database.db());
    update.prepare(
        QStringLiteral("UPDATE users SET failed_attempts = 0, locked_until_ms = 0 WHERE name = :name"));
    update.bindValue(QStringLiteral(":name"), name);
    if (!update.exec() || update.numRowsAffected() != 1) {
        result.error = tr("cannot unlock %1: no such user").arg(name);
        return result;
    }
    result.audit.append(accountEntry(by, name, QStringLiteral("locked"), QStringLiteral("unlocked"),
                                     QStringLiteral("account unlocked")));
    return result;
}

SignInResult UserStore::signIn(const QString &name, const QString &password, qint64 nowMs)
{
    SignInResult result;
    ScopedDatabase database(m_path);
    if (!database.error().isEmpty()) {
        result.message = database.error();
        return result;
    }
    QSqlQuery select(database.db());
    select.prepare(QStringLiteral(
        "SELECT role, password_hash, failed_attempts, locked_until_ms FROM users WHERE name = :name"));
    select.bindValue(QStringLiteral(":name"), name);
    if (!select.exec() || !select.next()) {
        result.outcome = SignInResult::Outcome::Refused;
        result.message = tr("unknown user or wrong password");
        result.audit.append({nowMs, name, QString(), QStringLiteral("session"), QString(),
                             QStringLiteral("sign in"), QStringLiteral("refused: unknown user")});
        return result;
    }
    Role role = Role::Viewer;
    roleFromName(select.value(0).toString(), &role);
    const QString hash = select.value(1).toString();
    int failed = select.value(2).toInt();
    const qint64 lockedUntil = select.value(3).toLongLong();
    if (lockedUntil > nowMs) {
        result.outcome = SignInResult::Outcome::LockedOut;
        result.message = tr("the account %1 is locked until %2")
                             .arg(name, QDateTime::fromMSecsSinceEpoch(lockedUntil).toLocalTime().toString());
        result.audit.append({nowMs, name, roleName(role), QStringLiteral("session"), QString(),
                             QStringLiteral("sign in"), QStringLiteral("refused: account locked")});
        return result;
    }
    if (lockedUntil != 0)
        failed = 0; // the lockout has expired: a fresh series of attempts
    QSqlQuery update(database.db());
    update.prepare(QStringLiteral(
        "UPDATE users SET failed_attempts = :failed, locked_until_ms = :locked WHERE name = :name"));
    update.bindValue(QStringLiteral(":name"), name);
    if (PasswordHash::verify(password, hash)) {
        update.bindValue(QStringLiteral(":failed"), 0);
        update.bindValue(QStringLiteral(":locked"), 0);
        if (!update.exec()) {
            // Without resetting the failure count the lockout would count wrongly: refuse rather than guess.
            result.message =
                tr("cannot update the account %1 in %2: %3").arg(name, m_path, update.lastError().text());
            return result;
        }
        result.outcome = SignInResult::Outcome::SignedIn;
        result.actor = {name, role};
        result.audit.append({nowMs, name, roleName(role), QStringLiteral("session"), QString(),
                             QStringLiteral("signed in"), QString()});
        return result;
    }
    ++failed;
    const bool lock = failed >= maxFailedAttempts;
    update.bindValue(QStringLiteral(":failed"), failed);
    update.bindValue(QStringLiteral(":locked"), lock ? nowMs + m_lockoutMs : 0);
    if (!update.exec())
        result.audit.append({nowMs, name, roleName(role), QStringLiteral("session"), QString(),
                             QStringLiteral("sign in"),
                             QStringLiteral("failed attempt not stored: ") + update.lastError().text()});
    result.outcome = lock ? SignInResult::Outcome::LockedOut : SignInResult::Outcome::Refused;
    result.attemptsLeft = std::max(0, maxFailedAttempts - failed);
    result.message = lock ? tr("too many failed attempts: the account %1 is locked").arg(name)
                          : tr("unknown user or wrong password");
    result.audit.append(
        {nowMs, name, roleName(role), QStringLiteral("session"), QString(), QStringLiteral("sign in"),
         lock ? QStringLiteral("refused: wrong password; account locked after %1 failures").arg(failed)
              : QStringLiteral("refused: wrong password (%1 of %2)").arg(failed).arg(maxFailedAttempts)});
    return result;
}
