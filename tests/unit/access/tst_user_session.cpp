// UserSession: account operations as the signed-in user, run in the thread pool and reported back on the GUI
// thread with their audit entries; refusals for non-admins; the first admin; the must-change-password flow at
// sign-in; the user's own password change; disabled accounts; whether any account exists (read in the pool).
#include "AccessFixture.h"
#include "UserSession.h"

#include <QFutureWatcher>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

namespace {
const QString adminPassword = AccessFixture::adminPassword;
const QString bobPassword = AccessFixture::bobPassword;

// Waits on the event loop (the continuation runs on this thread) until the operation's result is there.
UserStoreResult await(const QFuture<UserStoreResult> &future)
{
    QFutureWatcher<UserStoreResult> watcher;
    QSignalSpy done(&watcher, &QFutureWatcher<UserStoreResult>::finished);
    watcher.setFuture(future);
    if (!future.isFinished() && !done.wait(20000))
        return {QStringLiteral("timeout"), {}};
    return future.result();
}

using Fixture = AccessFixture;
} // namespace

class TestUserSession : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void adminOperationsAreAuditedAndAnnounced()
    {
        Fixture f;
        QVERIFY(f.signIn(QStringLiteral("ada"), adminPassword));
        QSignalSpy audited(&f.session, &UserSession::audited);
        QSignalSpy changed(&f.session, &UserSession::accountsChanged);
        QVERIFY(await(f.session.addUser(QStringLiteral("carl"), QStringLiteral("carl-pass-1"), Role::Viewer))
                    .ok());
        QVERIFY(await(f.session.setRole(QStringLiteral("carl"), Role::Supervisor)).ok());
        QVERIFY(await(f.session.resetPassword(QStringLiteral("carl"), QStringLiteral("temp-pass-1"))).ok());
        QVERIFY(await(f.session.unlock(QStringLiteral("carl"))).ok());
        QVERIFY(await(f.session.setDisabled(QStringLiteral("carl"), true)).ok());
        QCOMPARE(changed.size(), 5);
        QCOMPARE(audited.size(), 5);
        for (const QList<QVariant> &args : audited) {
            const AuditEntry entry = args.at(0).value<AuditEntry>();
            QCOMPARE(entry.user, QStringLiteral("ada"));
            QCOMPARE(entry.object, QStringLiteral("user.carl"));
            QVERIFY(!entry.newValue.contains(QStringLiteral("pass-1")));
        }
        const UserStoreResult lastAdmin = await(f.session.setDisabled(QStringLiteral("ada"), true));
        QVERIFY(lastAdmin.error.contains(QStringLiteral("last active admin")));
        QCOMPARE(changed.size(), 5); // nothing changed
        QCOMPARE(audited.size(), 6); // but the refusal is audited
    }

    void nonAdminsAreRefusedBelowTheUi()
    {
        Fixture f;
        QSignalSpy audited(&f.session, &UserSession::audited);
        QSignalSpy changed(&f.session, &UserSession::accountsChanged);
        // Nobody signed in: a Viewer.
        QVERIFY(!await(f.session.unlock(QStringLiteral("bob"))).ok());
        QVERIFY(f.signIn(QStringLiteral("bob"), bobPassword));
        audited.clear();
        const UserStoreResult refused = await(f.session.setRole(QStringLiteral("bob"), Role::Admin));
        QVERIFY(refused.error.contains(QStringLiteral("manage users")));
        QCOMPARE(audited.size(), 1);
        QVERIFY(audited.at(0).at(0).value<AuditEntry>().reason.startsWith(QStringLiteral("refused")));
        QVERIFY(
            !await(f.session.addUser(QStringLiteral("eve"), QStringLiteral("eve-pass-1"), Role::Admin)).ok());
        QCOMPARE(changed.size(), 0);
        QCOMPARE(f.store.accounts().size(), 2);
    }

    void resetPasswordMustBeChangedBeforeSigningIn()
    {
        Fixture f;
        QVERIFY(f.store
                    .resetPassword({QStringLiteral("ada"), Role::Admin}, QStringLiteral("bob"),
                                   QStringLiteral("temp-pass-1"))
                    .ok());
        QSignalSpy required(&f.session, &UserSession::passwordChangeRequired);
        QSignalSpy refused(&f.session, &UserSession::signInRefused);
        QSignalSpy changed(&f.session, &UserSession::actorChanged);
        f.session.signIn(QStringLiteral("bob"), QStringLiteral("temp-pass-1"));
        QVERIFY(required.wait(20000));
        QCOMPARE(required.at(0).at(0).toString(), QStringLiteral("bob"));
        QVERIFY(!f.session.signedIn());
        QCOMPARE(f.session.actor().role, Role::Viewer);

        f.session.changeRequiredPassword(QStringLiteral("bob"), QStringLiteral("temp-pass-1"),
                                         QStringLiteral("short"));
        QVERIFY(refused.wait(20000));
        QVERIFY(refused.at(0).at(0).toString().contains(QStringLiteral("at least")));
        QVERIFY(!f.session.signedIn());

        f.session.changeRequiredPassword(QStringLiteral("bob"), QStringLiteral("temp-pass-1"),
                                         QStringLiteral("bobs-own-1"));
        QVERIFY(changed.wait(20000));
        QVERIFY(f.session.signedIn());
        QCOMPARE(f.session.actor().user, QStringLiteral("bob"));
        QCOMPARE(f.session.actor().role, Role::Operator);
    }

    void usersChangeTheirOwnPassword()
    {
        Fixture f;
        QVERIFY(
            !await(f.session.changeOwnPassword(bobPassword, QStringLiteral("bobs-new-1"))).ok()); // nobody
        QVERIFY(f.signIn(QStringLiteral("bob"), bobPassword));
        const UserStoreResult wrong =
            await(f.session.changeOwnPassword(QStringLiteral("not-it-1"), QStringLiteral("bobs-new-1")));
        QVERIFY(!wrong.ok());
        QVERIFY(!wrong.audit.isEmpty());
        QVERIFY(await(f.session.changeOwnPassword(bobPassword, QStringLiteral("bobs-new-1"))).ok());
        f.session.signOut();
        QVERIFY(f.signIn(QStringLiteral("bob"), QStringLiteral("bobs-new-1")));
    }

    void disabledAccountsCannotSignIn()
    {
        Fixture f;
        QVERIFY(f.store.setDisabled({QStringLiteral("ada"), Role::Admin}, QStringLiteral("bob"), true).ok());
        QSignalSpy refused(&f.session, &UserSession::signInRefused);
        f.session.signIn(QStringLiteral("bob"), bobPassword);
        QVERIFY(refused.wait(20000));
        QVERIFY(refused.at(0).at(0).toString().contains(QStringLiteral("disabled")));
        QVERIFY(!f.session.signedIn());
    }

    void firstAdminIsCreatedOnceAndSignedIn()
    {
        QTemporaryDir dir;
        UserStore store(dir.filePath(QStringLiteral("users.sqlite")));
        UserSession session(&store);
        QSignalSpy refused(&session, &UserSession::signInRefused);
        QSignalSpy changed(&session, &UserSession::actorChanged);
        session.createFirstAdminAndSignIn(QStringLiteral("ada"), QStringLiteral("weak"));
        QVERIFY(refused.wait(20000));
        QVERIFY(store.isEmpty());
        session.createFirstAdminAndSignIn(QStringLiteral("ada"), adminPassword);
        QVERIFY(changed.wait(20000));
        QCOMPARE(session.actor().role, Role::Admin);
        session.signOut();
        session.createFirstAdminAndSignIn(QStringLiteral("eve"), QStringLiteral("eve-pass-1"));
        QVERIFY(refused.wait(20000));
        QVERIFY(refused.last().at(0).toString().contains(QStringLiteral("exists already")));
        QCOMPARE(store.accounts().size(), 1);
    }

    void checkAccountsReadsInThePool()
    {
        QTemporaryDir dir;
        UserStore empty(dir.filePath(QStringLiteral("users.sqlite")));
        UserSession first(&empty);
        QFuture<AccountsCheck> check = first.checkAccounts();
        check.waitForFinished();
        QVERIFY(check.result().empty);
        QVERIFY(check.result().error.isEmpty());

        Fixture f;
        check = f.session.checkAccounts();
        check.waitForFinished();
        QVERIFY(!check.result().empty);

        UserStore unreadable(dir.filePath(QStringLiteral("no-such-folder/users.sqlite")));
        UserSession broken(&unreadable);
        check = broken.checkAccounts();
        check.waitForFinished();
        QVERIFY(check.result().empty);
        QVERIFY2(check.result().error.contains(QStringLiteral("no-such-folder")),
                 qPrintable(check.result().error));
    }
};

QTEST_GUILESS_MAIN(TestUserSession)
#include "tst_user_session.moc"
