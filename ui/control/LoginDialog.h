#pragma once
// Sign-in. On a first start (no account yet) it creates the admin account instead: name, password twice.
// Whether an account exists is read in the thread pool (UserSession::checkAccounts): the dialog opens at once
// with its fields disabled and "Checking accounts...", then shows the right form. When an admin chose the
// password (a new account, or a reset), the dialog asks for a new one (twice) before the user is signed in.
// The password checks run in the thread pool (UserSession); the dialog stays responsive and shows refusals
// and lockouts. The password never leaves this dialog except to UserSession/UserStore.
#include <QDialog>
#include <QFutureWatcher>

#include "UserSession.h"

class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

class LoginDialog : public QDialog
{
    Q_OBJECT
public:
    explicit LoginDialog(UserSession *users, QWidget *parent = nullptr);

    // True until the pool has said whether any account exists; the form is disabled meanwhile.
    bool isCheckingAccounts() const { return m_checking; }
    bool isFirstStart() const { return m_firstStart; }
    // True once the store asked for a new password (the admin chose the current one).
    bool isChangingPassword() const { return m_changing; }
    QString message() const;
    // Ignored while the accounts are being checked.
    void submit();

    // The fields, for tests and accessibility tools.
    QLineEdit *nameField() const { return m_name; }
    QLineEdit *passwordField() const { return m_password; }
    QLineEdit *newPasswordField() const { return m_newPassword; }
    QLineEdit *repeatNewPasswordField() const { return m_newRepeat; }

Q_SIGNALS:
    // The form for the answer (sign in, or create the administrator) is shown and enabled.
    void accountsChecked();

private:
    void showForm(const AccountsCheck &check);
    void setFieldsEnabled(bool enabled);
    void showPasswordChange(const QString &message);
    void setWaiting();
    void showMessage(const QString &text);

    UserSession *m_users;
    bool m_checking = true;
    bool m_firstStart = false;
    bool m_changing = false;
    QLabel *m_firstStartNote;
    QLineEdit *m_name;
    QLineEdit *m_password;
    QLineEdit *m_repeat;
    QLineEdit *m_newPassword;
    QLineEdit *m_newRepeat;
    QLabel *m_message;
    QPushButton *m_ok;
    QFormLayout *m_form;
    QFutureWatcher<AccountsCheck> m_accounts;
};
