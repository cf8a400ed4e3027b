#pragma once
// The user accounts of a workstation in one SQLite file: name, role, PBKDF2 password hash, failed attempts,
// lockout, "must change password", disabled, last sign-in. Five failed sign-ins in a row lock the account for
// lockoutMs (an admin can unlock it sooner). Accounts are never deleted, only disabled, so the audit trail
// keeps its names. Thread-safe: every call opens its own short-lived connection, so calls that hash a
// password (create, reset, change, sign-in: slow on purpose) can run in the thread pool. Every call returns
// the audit entries it produced (changes and refusals, never a password or hash); the caller records them.
#include "Actor.h"
#include "AuditEntry.h"

#include <QList>
#include <QString>
#include <QVariantMap>

#include <functional>

class QSqlDatabase;

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
        MustChangePassword, // the password was right, but an admin chose it (new account, reset): change it
                            // first
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
    bool mustChangePassword = false;
    bool disabled = false;
    qint64 lastSignInMs = 0; // 0: never signed in

    bool lockedAt(qint64 nowMs) const { return lockedUntilMs > nowMs; }
};

class UserStore
{
public:
    static constexpr int maxFailedAttempts = 5;
    static constexpr qint64 defaultLockoutMs = 15 * 60 * 1000;

    explicit UserStore(QString path, qint64 lockoutMs = defaultLockoutMs);

    QString path() const { return m_path; }
    // True when no account exists yet: the first start must create an admin.
    bool isEmpty(QString *error = nullptr) const;
    QList<UserAccount> accounts(QString *error = nullptr) const;

    // The first account may be created by anyone and is always an Admin; later ones need ManageUsers and
    // must change their admin-chosen password at the first sign-in. Passwords must pass PasswordRule.
    UserStoreResult createUser(const Actor &by, const QString &name, const QString &password,
                               Role role) const;
    // Refused for the last active (not disabled) admin's demotion, so the workstation keeps an admin.
    UserStoreResult setRole(const Actor &by, const QString &name, Role role) const;
    // Sets a new password that the user must change at the next sign-in.
    UserStoreResult resetPassword(const Actor &by, const QString &name, const QString &password) const;
    UserStoreResult unlock(const Actor &by, const QString &name) const;
    // A disabled user cannot sign in. Refused for the last active admin.
    UserStoreResult setDisabled(const Actor &by, const QString &name, bool disabled) const;

    SignInResult signIn(const QString &name, const QString &password, qint64 nowMs) const;
    // A user changes their own password: checked like a sign-in (wrong old passwords count towards the
    // lockout); clears "must change password". On success the outcome is SignedIn with the user's actor.
    SignInResult changePassword(const QString &name, const QString &oldPassword, const QString &newPassword,
                                qint64 nowMs) const;

private:
    // Looks the user up and checks lockout, disabled and the password, counting failures.
    SignInResult checkCredentials(QSqlDatabase db, const QString &name, const QString &password, qint64 nowMs,
                                  const QString &attempt) const;
    // The permission check shared by the admin operations: the refusal (audited) or an empty result.
    static bool refuseUnlessAdmin(const Actor &by, const QString &name, const QString &attempted,
                                  UserStoreResult *result);
    // Runs one UPDATE of one user's row inside an immediate transaction after `guard` approved the current
    // row (for the last-admin rule); fills result.error on failure.
    UserStoreResult updateUser(const Actor &by, const QString &name, const QString &attempted,
                               const QString &assignments, const QVariantMap &values,
                               const std::function<QString(const UserAccount &, int activeAdmins)> &guard,
                               const std::function<AuditEntry(const UserAccount &)> &change) const;

    QString m_path;
    qint64 m_lockoutMs;
};
