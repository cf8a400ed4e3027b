// The sign-in dialog never opens the user store on the GUI thread: it opens at once, disabled, saying it is
// checking the accounts, and shows the sign-in or the first-administrator form only when the thread pool has
// answered. Offscreen, on a real store in a temporary folder.
#include "AccessFixture.h"
#include "LoginDialog.h"

#include <QFile>
#include <QLineEdit>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

class TestLoginDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void constructorLeavesTheStoreToThePool()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("users.sqlite"));
        UserStore store(path);
        UserSession users(&store);

        // Every pool thread is held, so until they are released the store can only be read on this thread.
        QThreadPool *pool = QThreadPool::globalInstance();
        const int threads = pool->maxThreadCount();
        QSemaphore running;
        QSemaphore release;
        for (int i = 0; i < threads; ++i)
            pool->start([&running, &release] {
                running.release();
                release.acquire();
            });
        running.acquire(threads);
        // However the test ends (a failed check returns early), the pool is free and idle before the
        // semaphores go; spare permits after the release below do no harm.
        auto freePool = qScopeGuard([&] {
            release.release(threads);
            pool->waitForDone();
        });

        LoginDialog login(&users);
        login.show();
        QSignalSpy checked(&login, &LoginDialog::accountsChecked);
        QTest::qWait(200); // the event loop runs: still no answer, and nothing read here
        // Opening the store creates its file: the dialog has not opened it.
        QVERIFY(!QFile::exists(path));
        QVERIFY(login.isCheckingAccounts());
        QVERIFY(login.message().contains(QStringLiteral("Checking accounts")));
        QVERIFY(!login.nameField()->isEnabled());
        QVERIFY(!login.passwordField()->isEnabled());
        login.nameField()->setText(QStringLiteral("ada"));
        login.submit(); // ignored: which form applies is not known yet
        QVERIFY(login.message().contains(QStringLiteral("Checking accounts")));

        release.release(threads);
        QVERIFY(checked.wait(10000));
        QVERIFY(QFile::exists(path)); // read in the pool
        QVERIFY(!login.isCheckingAccounts());
        QVERIFY(login.isFirstStart());
        QCOMPARE(login.windowTitle(), QStringLiteral("Create the administrator account"));
        QVERIFY(login.nameField()->isEnabled());
        QVERIFY(login.passwordField()->isEnabled());
        QVERIFY(login.message().isEmpty());
    }

    void existingAccountsGetTheSignInForm()
    {
        AccessFixture f;
        LoginDialog login(&f.session);
        QVERIFY(login.isCheckingAccounts());
        QSignalSpy checked(&login, &LoginDialog::accountsChecked);
        QVERIFY(checked.wait(10000));
        QVERIFY(!login.isFirstStart());
        QCOMPARE(login.windowTitle(), QStringLiteral("Sign in"));
        const QList<QLineEdit *> fields = login.findChildren<QLineEdit *>();
        QVERIFY(fields.at(2)->isHidden()); // "Repeat password" is the first start's only
        QVERIFY(login.newPasswordField()->isHidden());
        QVERIFY(login.nameField()->isEnabled());
        QSignalSpy changed(&f.session, &UserSession::actorChanged);
        login.nameField()->setText(QStringLiteral("ada"));
        login.passwordField()->setText(AccessFixture::adminPassword);
        login.submit();
        QVERIFY(changed.wait(20000));
        QCOMPARE(login.result(), int(QDialog::Accepted));
    }
};

QTEST_MAIN(TestLoginDialog)
#include "tst_login_dialog.moc"
