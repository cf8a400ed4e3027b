#pragma once
// The user accounts of a workstation in one SQLite file: name, role, PBKDF2 password hash, failed attempts
// and lockout. Five failed sign-ins in a row lock the account for lockoutMs (an admin can unlock it sooner).
// Thread-safe: every call opens its own short-lived connection, so sign-in (slow on purpose: PBKDF2) can run
// in the thread pool. Every call returns the audit entries it produced (refusals, lockouts, account changes);
// the caller records them.
#include "Actor.h"
#include "AuditEntry.h"

#include <QList>
#include <QString>

struct UserStoreResult
{
    QString error; // empty on success; names the user and what went wrong
    QList<AuditEntry> audit;
    bool ok() const { return error.isEmpty(); }
};

struct SignInResult
{
    enum class Outcome
    {
        SignedIn,
        Refused,
        LockedOut,
        Failed
    };
    Outcome outcome = Outcome::Failed;
    Actor actor;
    int attemptsLeft = 0;
    QString message; // for the user; never contains the password
    QList<AuditEntry> audit;
};

struct UserAccount
{
    QString name;
    Role role = Role::Viewer;
    int failedAttempts = 0;
    qint64 lockedUntilMs = 0;
};

class UserStore
{
public:
    static constexpr int maxFailedAttempts = 5;
    static constexpr qint64 defaultLockoutMs = 15 * 60 * 1000;
    static constexpr int minimumPasswordLength = 8;

    explicit UserStore(QString path, qint64 lockoutMs = defaultLockoutMs);

    QString path() const { return m_path; }
    // True when no account exists yet: the first start must create an admin.
    bool isEmpty(QString *error = nullptr) const;
    QList<UserAccount> accounts(QString *error = nullptr) const;

    // The first account may be created by anyone and is always an Admin; later ones need ManageUsers.
    UserStoreResult createUser(const Actor &by, const QString &name, const QString &password, Role role);
    UserStoreResult setRole(const Actor &by, const QString &name, Role role);
    UserStoreResult unlock(const Actor &by, const QString &name);
    SignInResult signIn(const QString &name, const QString &password, qint64 nowMs);

private:
    QString m_path;
    qint64 m_lockoutMs;
};
