#pragma once
// Shared by the access tests: a user store in a temporary folder with the admin "ada" and the operator "bob"
// (who has replaced his admin-chosen initial password already), a UserSession on it, and a sign-in that waits
// for the thread pool's answer.
#include "UserSession.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

struct AccessFixture
{
    static inline const QString adminPassword = QStringLiteral("s3cret-pass");
    static inline const QString bobPassword = QStringLiteral("password1");
    static inline const QString bobInitialPassword = QStringLiteral("initial-1");

    QTemporaryDir dir;
    UserStore store{dir.filePath(QStringLiteral("users.sqlite"))};
    UserSession session{&store};

    AccessFixture()
    {
        QVERIFY(store.createUser({}, QStringLiteral("ada"), adminPassword, Role::Admin).ok());
        QVERIFY(store
                    .createUser({QStringLiteral("ada"), Role::Admin}, QStringLiteral("bob"),
                                bobInitialPassword, Role::Operator)
                    .ok());
        QCOMPARE(store
                     .changePassword(QStringLiteral("bob"), bobInitialPassword, bobPassword,
                                     QDateTime::currentMSecsSinceEpoch())
                     .outcome,
                 SignInResult::Outcome::SignedIn);
    }
    bool signIn(const QString &name, const QString &password)
    {
        QSignalSpy changed(&session, &UserSession::actorChanged);
        session.signIn(name, password);
        return changed.wait(20000) && session.actor().user == name;
    }
};
