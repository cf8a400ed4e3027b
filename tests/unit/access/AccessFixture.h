#pragma once
// Shared by the access tests: a user store in a temporary folder with the admin "ada" and the operator "bob",
// a UserSession on it, and a sign-in that waits for the thread pool's answer.
#include "UserSession.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

struct AccessFixture
{
    static inline const QString adminPassword = QStringLiteral("s3cret-pass");
    static inline const QString bobPassword = QStringLiteral("password1");

    QTemporaryDir dir;
    UserStore store{dir.filePath(QStringLiteral("users.sqlite"))};
    UserSession session{&store};

    AccessFixture()
    {
        QVERIFY(store.createUser({}, QStringLiteral("ada"), adminPassword, Role::Admin).ok());
        QVERIFY(store
                    .createUser({QStringLiteral("ada"), Role::Admin}, QStringLiteral("bob"), bobPassword,
                                Role::Operator)
                    .ok());
    }
    bool signIn(const QString &name, const QString &password)
    {
        QSignalSpy changed(&session, &UserSession::actorChanged);
        session.signIn(name, password);
        return changed.wait(20000) && session.actor().user == name;
    }
};
