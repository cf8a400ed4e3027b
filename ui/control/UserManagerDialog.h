#pragma once
// The admin's window for user accounts: a table of users (role; state: active, locked, disabled, must change
// password; last sign-in) and the operations on the selected user (set role, reset password, unlock,
// disable/enable), adding a user, and "Change my password..." for whoever is signed in. Every operation goes
// through UserSession, which runs it in the thread pool; UserStore checks the permission and refuses (and
// audits) whatever the signed-in user may not do, whatever this window allows. Non-admins only see the table.
// The table is read in the thread pool too, so the GUI thread never touches SQLite.
#include "UserStore.h"

#include <QDialog>
#include <QFuture>
#include <QFutureWatcher>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class UserSession;

class UserManagerDialog : public QDialog
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        RoleColumn,
        StateColumn,
        LastSignInColumn,
        ColumnCount
    };

    explicit UserManagerDialog(UserSession *users, QWidget *parent = nullptr);

    // Reads the accounts again in the thread pool (also done after every successful change); accountsShown
    // follows when the table shows them. A refresh asked while a read runs reads once more afterwards.
    void refresh();
    QTableWidget *table() const { return m_table; }
    QString message() const;
    // Selects the row of this user; false when there is none.
    bool selectUser(const QString &name);
    // The state column's text for one account.
    static QString stateText(const UserAccount &account, qint64 nowMs);

    // The controls, for tests and accessibility tools.
    QComboBox *roleBox() const { return m_role; }
    QLineEdit *resetPasswordField() const { return m_resetPassword; }
    QLineEdit *newNameField() const { return m_newName; }
    QComboBox *newRoleBox() const { return m_newRole; }
    QLineEdit *newPasswordField() const { return m_newPassword; }
    QPushButton *setRoleButton() const { return m_setRoleButton; }
    QPushButton *resetPasswordButton() const { return m_resetButton; }
    QPushButton *unlockButton() const { return m_unlockButton; }
    QPushButton *disableButton() const { return m_disableButton; }
    QPushButton *addButton() const { return m_addButton; }
    QPushButton *changeOwnPasswordButton() const { return m_changeOwnButton; }

Q_SIGNALS:
    // Empty on success; a successful operation finishes once the table shows its result.
    void operationFinished(const QString &error);
    void accountsShown();

private:
    struct AccountList
    {
        QList<UserAccount> accounts;
        QString error;
    };

    void showAccounts();
    const UserAccount *selectedAccount() const; // into m_accounts; null when no row is selected
    QString selectedUser() const;
    void updateButtons();
    void run(const QFuture<UserStoreResult> &operation, const QString &done);
    void toggleDisabled();
    void changeOwnPassword();

    UserSession *m_users;
    QList<UserAccount> m_accounts;
    QTableWidget *m_table;
    QComboBox *m_role;
    QLineEdit *m_resetPassword;
    QLineEdit *m_newName;
    QComboBox *m_newRole;
    QLineEdit *m_newPassword;
    QPushButton *m_setRoleButton;
    QPushButton *m_resetButton;
    QPushButton *m_unlockButton;
    QPushButton *m_disableButton;
    QPushButton *m_addButton;
    QPushButton *m_changeOwnButton;
    QLabel *m_message;
    QFutureWatcher<AccountList> m_reading;
    bool m_readAgain = false;
    int m_running = 0;
};
