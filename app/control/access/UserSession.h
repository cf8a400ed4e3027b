#pragma once
// Who is signed in at this workstation, and the account operations they may start. Everything that touches
// a password (sign-in, first admin, add user, reset, change) runs in the thread pool (PBKDF2 is slow on
// purpose) and reports back on the GUI thread; the account operations run there too, so the GUI never waits
// for the store. Until someone signs in the actor is a Viewer ("nobody"), so nothing can be changed. Every
// sign-in, change, refusal and lockout is emitted as an audit entry; the permission checks are UserStore's.
#include "Actor.h"
#include "AuditEntry.h"
#include "UserStore.h"

#include <QFuture>
#include <QObject>

#include <functional>

// Whether the store holds any account yet (none: the first start creates the admin), as read in the pool.
struct AccountsCheck
{
    bool empty = true;
    QString error; // the store could not be read; empty stays true then, as UserStore::isEmpty reports it
};

class UserSession : public QObject
{
    Q_OBJECT
public:
    explicit UserSession(UserStore *store, QObject *parent = nullptr);

    UserStore *store() const { return m_store; }
    Actor actor() const { return m_actor; }
    bool signedIn() const { return m_signedIn; }
    bool busy() const { return m_busy; }

    // Reads whether any account exists in the thread pool, so the sign-in dialog never opens the store on the
    // GUI thread; watch the future with a QFutureWatcher.
    QFuture<AccountsCheck> checkAccounts() const;

    // Result arrives as signedIn (actorChanged), signInRefused or passwordChangeRequired. Ignored while a
    // sign-in is already running.
    void signIn(const QString &name, const QString &password);
    // After passwordChangeRequired: the old (admin-chosen) password and a new one; on success the user is
    // signed in (actorChanged), otherwise signInRefused.
    void changeRequiredPassword(const QString &name, const QString &oldPassword, const QString &newPassword);
    void signOut();
    // First start: creates the admin account (only while the store is empty), then signs in; the result
    // arrives as for signIn(), or as signInRefused with the reason the account was not created.
    void createFirstAdminAndSignIn(const QString &name, const QString &password);
    // --demo: a demo operator without a password, marked as such in the audit trail.
    void signInDemoOperator();

    // Account management as the signed-in actor. Each future ends with the store's result after its audit
    // entries were emitted (and accountsChanged, on success), on the GUI thread.
    QFuture<UserStoreResult> addUser(const QString &name, const QString &password, Role role);
    QFuture<UserStoreResult> setRole(const QString &name, Role role);
    QFuture<UserStoreResult> resetPassword(const QString &name, const QString &password);
    QFuture<UserStoreResult> unlock(const QString &name);
    QFuture<UserStoreResult> setDisabled(const QString &name, bool disabled);
    // The signed-in user changes their own password (the old one is required).
    QFuture<UserStoreResult> changeOwnPassword(const QString &oldPassword, const QString &newPassword);

Q_SIGNALS:
    void actorChanged(const Actor &actor);
    void signInRefused(const QString &message, bool lockedOut);
    void passwordChangeRequired(const QString &name, const QString &message);
    void accountsChanged();
    void audited(const AuditEntry &entry);

private:
    void runSignIn(const std::function<SignInResult()> &work);
    QFuture<UserStoreResult> runChange(const std::function<UserStoreResult()> &work);
    void emitAudit(const QList<AuditEntry> &entries);
    void setActor(const Actor &actor, bool signedIn);

    UserStore *m_store;
    Actor m_actor;
    bool m_signedIn = false;
    bool m_busy = false;
};
