#include "LoginDialog.h"

#include "UserSession.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

LoginDialog::LoginDialog(UserSession *users, QWidget *parent)
    : QDialog(parent), m_users(users), m_firstStart(users->store()->isEmpty()), m_name(new QLineEdit(this)),
      m_password(new QLineEdit(this)), m_repeat(new QLineEdit(this)), m_newPassword(new QLineEdit(this)),
      m_newRepeat(new QLineEdit(this)), m_message(new QLabel(this)), m_form(new QFormLayout(this))
{
    setWindowTitle(m_firstStart ? tr("Create the administrator account") : tr("Sign in"));
    for (QLineEdit *field : {m_password, m_repeat, m_newPassword, m_newRepeat})
        field->setEchoMode(QLineEdit::Password);
    m_message->setWordWrap(true);
    m_name->setMinimumWidth(240); // room for a name and a sentence of message per line
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(m_firstStart ? tr("Create and sign in") : tr("Sign in"));
    connect(buttons, &QDialogButtonBox::accepted, this, &LoginDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (m_firstStart)
        m_form->addRow(
            new QLabel(tr("No account exists yet. The first account is the administrator."), this));
    m_form->addRow(tr("User:"), m_name);
    m_form->addRow(tr("Password:"), m_password);
    if (m_firstStart)
        m_form->addRow(tr("Repeat password:"), m_repeat);
    else
        m_repeat->hide();
    m_form->addRow(tr("New password:"), m_newPassword);
    m_form->addRow(tr("Repeat new password:"), m_newRepeat);
    m_form->setRowVisible(m_newPassword, false);
    m_form->setRowVisible(m_newRepeat, false);
    m_form->addRow(m_message);
    m_form->addRow(buttons);

    connect(users, &UserSession::actorChanged, this, [this] {
        if (m_users->signedIn())
            accept();
    });
    connect(users, &UserSession::signInRefused, this, [this](const QString &message) {
        m_ok->setEnabled(true);
        showMessage(message); // a lockout's message says so and until when
        for (QLineEdit *field : {m_password, m_newPassword, m_newRepeat})
            field->clear();
        m_password->setFocus();
    });
    connect(users, &UserSession::passwordChangeRequired, this,
            [this](const QString &, const QString &message) { showPasswordChange(message); });
}

QString LoginDialog::message() const
{
    return m_message->text();
}

void LoginDialog::showPasswordChange(const QString &message)
{
    m_changing = true;
    m_name->setReadOnly(true);
    m_form->setRowVisible(m_newPassword, true);
    m_form->setRowVisible(m_newRepeat, true);
    m_ok->setText(tr("Change and sign in"));
    m_ok->setEnabled(true);
    showMessage(message);
    m_newPassword->setFocus();
}

void LoginDialog::showMessage(const QString &text)
{
    m_message->setText(text);
    // A wrapped message (and the new-password rows) need more height than the dialog had: grow to fit.
    if (isVisible())
        adjustSize();
}

void LoginDialog::setWaiting()
{
    m_ok->setEnabled(false);
    showMessage(tr("Checking..."));
}

void LoginDialog::submit()
{
    const QString name = m_name->text().trimmed();
    if (m_changing) {
        if (m_newPassword->text() != m_newRepeat->text()) {
            showMessage(tr("The two new passwords differ."));
            return;
        }
        setWaiting();
        m_users->changeRequiredPassword(name, m_password->text(), m_newPassword->text());
        return;
    }
    if (m_firstStart) {
        if (m_password->text() != m_repeat->text()) {
            showMessage(tr("The two passwords differ."));
            return;
        }
        setWaiting();
        m_users->createFirstAdminAndSignIn(name, m_password->text());
        return;
    }
    setWaiting();
    m_users->signIn(name, m_password->text());
}
