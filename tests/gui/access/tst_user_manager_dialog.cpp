// The user management window and the password dialogs, offscreen, on a real store in a temporary folder:
// an admin adds, re-roles, resets, disables/enables and unlocks users through the buttons and sees the table
// follow (read in the thread pool); the last admin's demotion is refused with its reason; a non-admin gets a
// read-only table; the sign-in dialog asks a new user, and a user after a reset, for a new password; the
// signed-in user changes their own password.
#include "AccessFixture.h"
#include "ChangePasswordDialog.h"
#include "LoginDialog.h"
#include "UserManagerDialog.h"
#include "UserSession.h"

#include <QComboBox>
#include <QFutureWatcher>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString adminPassword = AccessFixture::adminPassword;
const QString bobPassword = AccessFixture::bobPassword;

using Fixture = AccessFixture;

QString cell(const UserManagerDialog &dialog, const QString &user, int column)
{
    const QTableWidget *table = dialog.table();
    for (int row = 0; row < table->rowCount(); ++row)
        if (table->item(row, UserManagerDialog::NameColumn)->text() == user)
            return table->item(row, column)->text();
    return {};
}

// Clicks and waits for the operation's result; returns its error (empty on success).
QString click(UserManagerDialog &dialog, QPushButton *button)
{
    if (!button->isEnabled())
        return QStringLiteral("button disabled");
    QSignalSpy finished(&dialog, &UserManagerDialog::operationFinished);
    QTest::mouseClick(button, Qt::LeftButton);
    if (finished.isEmpty() && !finished.wait(20000))
        return QStringLiteral("timeout");
    return finished.at(0).at(0).toString();
}

// The table is read in the thread pool: waits until the dialog shows it.
bool shown(UserManagerDialog &dialog)
{
    QSignalSpy spy(&dialog, &UserManagerDialog::accountsShown);
    return spy.wait(20000);
}

void chooseRole(QComboBox *box, Role role)
{
    box->setCurrentIndex(box->findData(int(role)));
}
} // namespace

class TestUserManagerDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void adminManagesUsers()
    {
        Fixture f;
        QVERIFY(f.signIn(QStringLiteral("ada"), adminPassword));
        UserManagerDialog dialog(&f.session);
        QCOMPARE(dialog.table()->rowCount(), 0); // not read on the GUI thread
        QVERIFY(shown(dialog));
        QCOMPARE(dialog.table()->rowCount(), 2);
        QCOMPARE(cell(dialog, QStringLiteral("bob"), UserManagerDialog::RoleColumn),
                 QStringLiteral("Operator"));
        QCOMPARE(cell(dialog, QStringLiteral("bob"), UserManagerDialog::StateColumn),
                 QStringLiteral("active"));
        QVERIFY(cell(dialog, QStringLiteral("ada"), UserManagerDialog::LastSignInColumn) !=
                QStringLiteral("never"));
        QVERIFY(!dialog.setRoleButton()->isEnabled()); // nothing selected yet

        // Add: a weak password is refused with the rule, a good one adds the row.
        dialog.newNameField()->setText(QStringLiteral("carl"));
        chooseRole(dialog.newRoleBox(), Role::Viewer);
        dialog.newPasswordField()->setText(QStringLiteral("carlcarl"));
        QVERIFY(click(dialog, dialog.addButton()).contains(QStringLiteral("mix letters")));
        QVERIFY(dialog.message().contains(QStringLiteral("mix letters")));
        dialog.newPasswordField()->setText(QStringLiteral("carl-pass-1"));
        QCOMPARE(click(dialog, dialog.addButton()), QString());
        QCOMPARE(dialog.table()->rowCount(), 3);
        QCOMPARE(cell(dialog, QStringLiteral("carl"), UserManagerDialog::RoleColumn),
                 QStringLiteral("Viewer"));
        // A new account must change the password the admin chose, and has never signed in.
        QCOMPARE(cell(dialog, QStringLiteral("carl"), UserManagerDialog::StateColumn),
                 QStringLiteral("must change password"));
        QCOMPARE(cell(dialog, QStringLiteral("carl"), UserManagerDialog::LastSignInColumn),
                 QStringLiteral("never"));
        QVERIFY(dialog.newPasswordField()->text().isEmpty()); // the password does not linger

        QVERIFY(dialog.selectUser(QStringLiteral("bob")));
        QCOMPARE(dialog.roleBox()->currentData().toInt(), int(Role::Operator));
        chooseRole(dialog.roleBox(), Role::Supervisor);
        QCOMPARE(click(dialog, dialog.setRoleButton()), QString());
        QCOMPARE(cell(dialog, QStringLiteral("bob"), UserManagerDialog::RoleColumn),
                 QStringLiteral("Supervisor"));

        dialog.resetPasswordField()->setText(QStringLiteral("temp-pass-1"));
        QCOMPARE(click(dialog, dialog.resetPasswordButton()), QString());
        QCOMPARE(cell(dialog, QStringLiteral("bob"), UserManagerDialog::StateColumn),
                 QStringLiteral("must change password"));

        QCOMPARE(dialog.disableButton()->text(), QStringLiteral("&Disable"));
        QCOMPARE(click(dialog, dialog.disableButton()), QString());
        QVERIFY(cell(dialog, QStringLiteral("bob"), UserManagerDialog::StateColumn)
                    .startsWith(QStringLiteral("disabled")));
        QCOMPARE(dialog.disableButton()->text(), QStringLiteral("&Enable"));
        QCOMPARE(click(dialog, dialog.disableButton()), QString());
        QVERIFY(!cell(dialog, QStringLiteral("bob"), UserManagerDialog::StateColumn)
                     .contains(QStringLiteral("disabled")));

        for (int i = 0; i < UserStore::maxFailedAttempts; ++i)
            f.store.signIn(QStringLiteral("carl"), QStringLiteral("wrong"),
                           QDateTime::currentMSecsSinceEpoch());
        dialog.refresh();
        QVERIFY(shown(dialog));
        QCOMPARE(cell(dialog, QStringLiteral("carl"), UserManagerDialog::StateColumn),
                 QStringLiteral("locked, must change password"));
        QVERIFY(dialog.selectUser(QStringLiteral("carl")));
        QCOMPARE(click(dialog, dialog.unlockButton()), QString());
        QCOMPARE(cell(dialog, QStringLiteral("carl"), UserManagerDialog::StateColumn),
                 QStringLiteral("must change password"));

        // The last admin: the store refuses, the window shows why.
        QVERIFY(dialog.selectUser(QStringLiteral("ada")));
        chooseRole(dialog.roleBox(), Role::Operator);
        QVERIFY(click(dialog, dialog.setRoleButton()).contains(QStringLiteral("last active admin")));
        QVERIFY(dialog.message().contains(QStringLiteral("last active admin")));
        QCOMPARE(cell(dialog, QStringLiteral("ada"), UserManagerDialog::RoleColumn), QStringLiteral("Admin"));
    }

    void nonAdminsSeeTheTableOnly()
    {
        Fixture f;
        QVERIFY(f.signIn(QStringLiteral("bob"), bobPassword));
        UserManagerDialog dialog(&f.session);
        QVERIFY(shown(dialog));
        QVERIFY(dialog.selectUser(QStringLiteral("ada")));
        for (QPushButton *button : {dialog.setRoleButton(), dialog.resetPasswordButton(),
                                    dialog.unlockButton(), dialog.disableButton(), dialog.addButton()})
            QVERIFY(!button->isEnabled());
        QVERIFY(dialog.changeOwnPasswordButton()->isEnabled());
        // Even so the store is what refuses: a direct call is refused and audited.
        QSignalSpy audited(&f.session, &UserSession::audited);
        QFutureWatcher<UserStoreResult> watcher;
        QSignalSpy done(&watcher, &QFutureWatcher<UserStoreResult>::finished);
        watcher.setFuture(f.session.setDisabled(QStringLiteral("ada"), true));
        QVERIFY(done.wait(20000));
        QVERIFY(!watcher.result().ok());
        QCOMPARE(audited.size(), 1);
    }

    void signInAsksANewUserForTheirOwnPassword()
    {
        Fixture f;
        QVERIFY(f.store
                    .createUser({QStringLiteral("ada"), Role::Admin}, QStringLiteral("carl"),
                                QStringLiteral("carl-pass-1"), Role::Operator)
                    .ok());
        LoginDialog login(&f.session);
        QVERIFY(QSignalSpy(&login, &LoginDialog::accountsChecked).wait(20000));
        login.nameField()->setText(QStringLiteral("carl"));
        login.passwordField()->setText(QStringLiteral("carl-pass-1"));
        QSignalSpy required(&f.session, &UserSession::passwordChangeRequired);
        login.submit();
        QVERIFY(required.wait(20000));
        QVERIFY(login.isChangingPassword());
        QVERIFY(login.message().contains(QStringLiteral("new password")));
        QVERIFY(!f.session.signedIn());
        login.newPasswordField()->setText(QStringLiteral("carls-own-1"));
        login.repeatNewPasswordField()->setText(QStringLiteral("carls-own-1"));
        QSignalSpy changed(&f.session, &UserSession::actorChanged);
        login.submit();
        QVERIFY(changed.wait(20000));
        QCOMPARE(f.session.actor().user, QStringLiteral("carl"));
        QCOMPARE(f.session.actor().role, Role::Operator);
    }

    void signInAsksForANewPasswordAfterAReset()
    {
        Fixture f;
        QVERIFY(f.store
                    .resetPassword({QStringLiteral("ada"), Role::Admin}, QStringLiteral("bob"),
                                   QStringLiteral("temp-pass-1"))
                    .ok());
        LoginDialog login(&f.session);
        QVERIFY(QSignalSpy(&login, &LoginDialog::accountsChecked).wait(20000));
        QVERIFY(!login.isFirstStart());
        QVERIFY(login.newPasswordField()->isHidden());
        login.nameField()->setText(QStringLiteral("bob"));
        login.passwordField()->setText(QStringLiteral("temp-pass-1"));
        QSignalSpy required(&f.session, &UserSession::passwordChangeRequired);
        login.submit();
        QVERIFY(required.wait(20000));
        QVERIFY(login.isChangingPassword());
        QVERIFY(!login.newPasswordField()->isHidden());
        QVERIFY(!f.session.signedIn());

        login.newPasswordField()->setText(QStringLiteral("bobs-own-1"));
        login.repeatNewPasswordField()->setText(QStringLiteral("bobs-own-2"));
        login.submit();
        QVERIFY(login.message().contains(QStringLiteral("differ")));

        QSignalSpy refused(&f.session, &UserSession::signInRefused);
        login.newPasswordField()->setText(QStringLiteral("short"));
        login.repeatNewPasswordField()->setText(QStringLiteral("short"));
        login.submit();
        QVERIFY(refused.wait(20000));
        QVERIFY(login.message().contains(QStringLiteral("at least")));

        login.passwordField()->setText(QStringLiteral("temp-pass-1"));
        login.newPasswordField()->setText(QStringLiteral("bobs-own-1"));
        login.repeatNewPasswordField()->setText(QStringLiteral("bobs-own-1"));
        QSignalSpy changed(&f.session, &UserSession::actorChanged);
        login.submit();
        QVERIFY(changed.wait(20000));
        QCOMPARE(f.session.actor().user, QStringLiteral("bob"));
        QCOMPARE(login.result(), int(QDialog::Accepted));
    }

    void userChangesOwnPassword()
    {
        Fixture f;
        QVERIFY(f.signIn(QStringLiteral("bob"), bobPassword));
        ChangePasswordDialog dialog(&f.session);
        QSignalSpy finished(&dialog, &ChangePasswordDialog::changeFinished);
        dialog.oldPasswordField()->setText(QStringLiteral("not-mine-1"));
        dialog.newPasswordField()->setText(QStringLiteral("bobs-new-1"));
        dialog.repeatPasswordField()->setText(QStringLiteral("bobs-new-1"));
        dialog.submit();
        QVERIFY(finished.wait(20000));
        QVERIFY(!finished.at(0).at(0).toString().isEmpty());
        QVERIFY(dialog.oldPasswordField()->text().isEmpty());

        dialog.oldPasswordField()->setText(bobPassword);
        dialog.newPasswordField()->setText(QStringLiteral("bobs-new-1"));
        dialog.repeatPasswordField()->setText(QStringLiteral("bobs-new-1"));
        dialog.submit();
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.at(1).at(0).toString(), QString());
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(f.store
                     .signIn(QStringLiteral("bob"), QStringLiteral("bobs-new-1"),
                             QDateTime::currentMSecsSinceEpoch())
                     .outcome,
                 SignInResult::Outcome::SignedIn);
    }
};

QTEST_MAIN(TestUserManagerDialog)
#include "tst_user_manager_dialog.moc"
