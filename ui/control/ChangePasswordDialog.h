#pragma once
// The signed-in user changes their own password: the current one, then the new one twice. The check and the
// hashing run in the thread pool (UserSession::changeOwnPassword); the dialog closes when the change is
// stored and shows the reason otherwise.
#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class UserSession;

class ChangePasswordDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ChangePasswordDialog(UserSession *users, QWidget *parent = nullptr);

    QLineEdit *oldPasswordField() const { return m_old; }
    QLineEdit *newPasswordField() const { return m_new; }
    QLineEdit *repeatPasswordField() const { return m_repeat; }
    QString message() const;
    void submit();

Q_SIGNALS:
    void changeFinished(const QString &error); // after submit(): empty when the password was changed

private:
    UserSession *m_users;
    QLineEdit *m_old;
    QLineEdit *m_new;
    QLineEdit *m_repeat;
    QLabel *m_message;
    QPushButton *m_ok;
};
