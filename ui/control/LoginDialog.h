#pragma once
// Sign-in. On a first start (no account yet) it creates the admin account instead: name, password twice.
// The password check runs in the thread pool (UserSession); the dialog stays responsive and shows refusals
// and lockouts. The password never leaves this dialog except to UserSession/UserStore.
#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class UserSession;

class LoginDialog : public QDialog
{
    Q_OBJECT
public:
    explicit LoginDialog(UserSession *users, QWidget *parent = nullptr);

    bool isFirstStart() const { return m_firstStart; }
    QString message() const;
    void submit();

private:
    UserSession *m_users;
    bool m_firstStart;
    QLineEdit *m_name;
    QLineEdit *m_password;
    QLineEdit *m_repeat;
    QLabel *m_message;
    QPushButton *m_ok;
};
