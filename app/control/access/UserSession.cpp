#include "UserSession.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

UserSession::UserSession(UserStore *store, QObject *parent) : QObject(parent), m_store(store)
{
}

void UserSession::emitAudit(const QList<AuditEntry> &entries)
{
    for (const AuditEntry &entry : entries)
        Q_EMIT audited(entry);
}

QFuture<AccountsCheck> UserSession::checkAccounts() const
{
    const UserStore store = *m_store; // a copy: safe even if the session ends first
    return QtConcurrent::run([store] {
        AccountsCheck check;
        check.empty = store.isEmpty(&check.error);
        return check;
    });
}

void UserSession::runSignIn(const std::function<SignInResult()> &work)
{
    if (m_busy)
        return;
    m_busy = true;
    auto *watcher = new QFutureWatcher<SignInResult>(this);
    connect(watcher, &QFutureWatcher<SignInResult>::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_busy = false;
        const SignInResult result = watcher->result();
        emitAudit(result.audit);
        switch (result.outcome) {
        case SignInResult::Outcome::SignedIn:
            setActor(result.actor, true);
            break;
        case SignInResult::Outcome::MustChangePassword:
            Q_EMIT passwordChangeRequired(result.actor.user, result.message);
            break;
        default:
            Q_EMIT signInRefused(result.message, result.outcome == SignInResult::Outcome::LockedOut);
        }
    });
    watcher->setFuture(QtConcurrent::run(work));
}

void UserSession::signIn(const QString &name, const QString &password)
{
    const UserStore store = *m_store; // a copy: safe even if the session ends first
    runSignIn([store, name, password] {
        return store.signIn(name, password, QDateTime::currentMSecsSinceEpoch());
    });
}

void UserSession::changeRequiredPassword(const QString &name, const QString &oldPassword,
                                         const QString &newPassword)
{
    const UserStore store = *m_store; // a copy: safe even if the session ends first
    runSignIn([store, name, oldPassword, newPassword] {
        return store.changePassword(name, oldPassword, newPassword, QDateTime::currentMSecsSinceEpoch());
    });
}

void UserSession::createFirstAdminAndSignIn(const QString &name, const QString &password)
{
    const UserStore store = *m_store; // a copy: safe even if the session ends first
    runSignIn([store, name, password] {
        SignInResult result;
        QString error;
        if (!store.isEmpty(&error)) {
            result.outcome = SignInResult::Outcome::Failed;
            result.message = error.isEmpty() ? tr("an administrator account exists already") : error;
            return result;
        }
        const UserStoreResult created = store.createUser(Actor{}, name, password, Role::Admin);
        if (!created.ok()) {
            result.message = created.error;
            result.audit = created.audit;
            return result;
        }
        result = store.signIn(name, password, QDateTime::currentMSecsSinceEpoch());
        result.audit = created.audit + result.audit;
        return result;
    });
}

void UserSession::signOut()
{
    if (!m_signedIn)
        return;
    Q_EMIT audited({QDateTime::currentMSecsSinceEpoch(), m_actor.user, roleName(m_actor.role),
                    QStringLiteral("session"), QString(), QStringLiteral("signed out"), QString()});
    setActor(Actor{}, false);
}

void UserSession::signInDemoOperator()
{
    const Actor demo{QStringLiteral("demo"), Role::Operator};
    Q_EMIT audited({QDateTime::currentMSecsSinceEpoch(), demo.user, roleName(demo.role),
                    QStringLiteral("session"), QString(), QStringLiteral("signed in"),
                    QStringLiteral("demo mode (--demo)")});
    setActor(demo, true);
}

QFuture<UserStoreResult> UserSession::runChange(const std::function<UserStoreResult()> &work)
{
    return QtConcurrent::run(work).then(this, [this](const UserStoreResult &result) {
        emitAudit(result.audit);
        if (result.ok())
            Q_EMIT accountsChanged();
        return result;
    });
}

QFuture<UserStoreResult> UserSession::addUser(const QString &name, const QString &password, Role role)
{
    const UserStore store = *m_store; // a copy: safe even if the session ends first
    const Actor by = m_actor;
    return runChange([=] { return store.createUser(by, name, password, role); });
}

QFuture<UserStoreResult> UserSession::setRole(const QString &name, Role role)
{
    const UserStore store = *m_store; // a copy: safe even if the session ends first
    const Actor by = m_actor;
    return runChange([=] { return store.setRole(by, name, role); });
}

QFuture<UserStoreResult> UserSession::resetPassword(const QString &name, const QString &password)
{
    const UserStore store = *m_store; // a copy: safe even if the session ends first
    const Actor by = m_actor;
    return runChange([=] { return store.resetPassword(by, name, password); });
}

QFuture<UserStoreResult> UserSession::unlock(const QString &name)
{
    const UserStore store = *m_store; // a copy: safe even if the session ends first
    const Actor by = m_actor;
    return runChange([=] { return store.unlock(by, name); });
}

QFuture<UserStoreResult> UserSession::setDisabled(const QString &name, bool disabled)
{
    const UserStore store = *m_store; // a copy: safe even if the session ends first
    const Actor by = m_actor;
    return runChange([=] { return store.setDisabled(by, name, disabled); });
}

QFuture<UserStoreResult> UserSession::changeOwnPassword(const QString &oldPassword,
                                                        const QString &newPassword)
{
    const UserStore store = *m_store; // a copy: safe even if the session ends first
    const Actor by = m_actor;
    const bool signedIn = m_signedIn;
    return runChange([=] {
        UserStoreResult result;
        if (!signedIn) {
            result.error = tr("sign in before changing your password");
            return result;
        }
        const SignInResult changed =
            store.changePassword(by.user, oldPassword, newPassword, QDateTime::currentMSecsSinceEpoch());
        result.audit = changed.audit;
        if (changed.outcome != SignInResult::Outcome::SignedIn)
            result.error = changed.message;
        return result;
    });
}

void UserSession::setActor(const Actor &actor, bool signedIn)
{
    m_actor = actor;
    m_signedIn = signedIn;
    Q_EMIT actorChanged(m_actor);
}
