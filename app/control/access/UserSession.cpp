#include "UserSession.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

UserSession::UserSession(UserStore *store, QObject *parent) : QObject(parent), m_store(store)
{
}

void UserSession::signIn(const QString &name, const QString &password)
{
    if (m_busy)
        return;
    m_busy = true;
    auto *watcher = new QFutureWatcher<SignInResult>(this);
    connect(watcher, &QFutureWatcher<SignInResult>::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_busy = false;
        const SignInResult result = watcher->result();
        for (const AuditEntry &entry : result.audit)
            Q_EMIT audited(entry);
        if (result.outcome == SignInResult::Outcome::SignedIn)
            setActor(result.actor, true);
        else
            Q_EMIT signInRefused(result.message, result.outcome == SignInResult::Outcome::LockedOut);
    });
    UserStore *store = m_store;
    watcher->setFuture(QtConcurrent::run([store, name, password] {
        return store->signIn(name, password, QDateTime::currentMSecsSinceEpoch());
    }));
}

QString UserSession::createFirstAdmin(const QString &name, const QString &password)
{
    QString error;
    if (!m_store->isEmpty(&error))
        return error.isEmpty() ? tr("an administrator account exists already") : error;
    const UserStoreResult created = m_store->createUser(Actor{}, name, password, Role::Admin);
    for (const AuditEntry &entry : created.audit)
        Q_EMIT audited(entry);
    return created.error;
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

void UserSession::setActor(const Actor &actor, bool signedIn)
{
    m_actor = actor;
    m_signedIn = signedIn;
    Q_EMIT actorChanged(m_actor);
}
