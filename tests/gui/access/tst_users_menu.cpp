// The main window's Users menu, offscreen: "Manage users..." is enabled for admins only and opens the user
// manager; "Change my password..." needs someone signed in. The user store (and the window's compound cache
// and settings) live in a temporary folder, never in the user's own.
#include "ControlSystem.h"
#include "MainWindow.h"
#include "ReactorSession.h"
#include "UserManagerDialog.h"
#include "UserSession.h"

#include <QAction>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

class TestUsersMenu : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void manageUsersIsForAdmins()
    {
        QTemporaryDir dir;
        for (const char *variable : {"XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"})
            qputenv(variable, dir.path().toLocal8Bit());
        ReactorSession::Options options;
        options.simulatorProgram = QStringLiteral(RD_SIM_PATH);
        options.runFile = dir.filePath(QStringLiteral("menu.rdrun"));
        ReactorSession session(options);
        UserSession *users = session.control()->users();
        QVERIFY(users->store()->path().startsWith(dir.path()));
        MainWindow window(&session);

        auto *manage = window.findChild<QAction *>(QStringLiteral("manageUsersAction"));
        auto *changePassword = window.findChild<QAction *>(QStringLiteral("changePasswordAction"));
        QVERIFY(manage && changePassword);
        QVERIFY(!manage->isEnabled());
        QVERIFY(!changePassword->isEnabled());
        users->signInDemoOperator();
        QVERIFY(!manage->isEnabled());
        QVERIFY(changePassword->isEnabled());
        users->signOut();

        QVERIFY(users->store()
                    ->createUser({}, QStringLiteral("ada"), QStringLiteral("s3cret-pass"), Role::Admin)
                    .ok());
        QSignalSpy changed(users, &UserSession::actorChanged);
        users->signIn(QStringLiteral("ada"), QStringLiteral("s3cret-pass"));
        QVERIFY(changed.wait(20000));
        QVERIFY(manage->isEnabled());
        manage->trigger();
        auto *dialog = window.findChild<UserManagerDialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QSignalSpy shown(dialog, &UserManagerDialog::accountsShown);
        QVERIFY(shown.wait(20000));
        QCOMPARE(dialog->table()->rowCount(), 1);
        users->signOut();
        QVERIFY(!manage->isEnabled());
        dialog->close();
    }
};

QTEST_MAIN(TestUsersMenu)
#include "tst_users_menu.moc"
