#pragma once
// Who is signed in at this workstation. Sign-in checks the password in the thread pool (PBKDF2 is slow on
// purpose) and reports back on the GUI thread. Until someone signs in the actor is a Viewer ("nobody"), so
// nothing can be changed. Every sign-in, refusal and lockout is emitted as an audit entry.
#include "Actor.h"
#include "AuditEntry.h"
#include "UserStore.h"

#include <QObject>

class UserSession : public QObject
{
    Q_OBJECT
public:
    explicit UserSession(UserStore *store, QObject *parent = nullptr);

    UserStore *store() const { return m_store; }
    Actor actor() const { return m_actor; }
    bool signedIn() const { return m_signedIn; }
    bool busy() const { return m_busy; }

    // Result arrives as signedIn or signInRefused. Ignored while a sign-in is already running.
    void signIn(const QString &name, const QString &password);
    void signOut();
    // First start: creates the admin account (only while the store is empty). Returns an error text.
    QString createFirstAdmin(const QString &name, const QString &password);
    // --demo: a demo operator without a password, marked as such in the audit trail.
    void signInDemoOperator();

Q_SIGNALS:
    void actorChanged(const Actor &actor);
    void signInRefused(const QString &message, bool lockedOut);
    void audited(const AuditEntry &entry);

private:
    void setActor(const Actor &actor, bool signedIn);

    UserStore *m_store;
    Actor m_actor;
    bool m_signedIn = false;
    bool m_busy = false;
};
