#include "LoginDialog.h"

#include "UserSession.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

LoginDialog::LoginDialog(UserSession *users, QWidget *parent)
    : QDialog(parent), m_users(users), m_firstStart(users->store()->isEmpty()), m_name(new QLineEdit(this)),
      m_password(new QLineEdit(this)), m_repeat(new QLineEdit(this)), m_message(new QLabel(this))
{
    setWindowTitle(m_firstStart ? tr("Create the administrator account") : tr("Sign in"));
    m_password->setEchoMode(QLineEdit::Password);
    m_repeat->setEchoMode(QLineEdit::Password);
    m_message->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(m_firstStart ? tr("Create and sign in") : tr("Sign in"));
    connect(buttons, &QDialogButtonBox::accepted, this, &LoginDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *form = new QFormLayout(this);
    if (m_firstStart)
        form->addRow(new QLabel(tr("No account exists yet. The first account is the administrator."), this));
    form->addRow(tr("User:"), m_name);
    form->addRow(tr("Password:"), m_password);
    if (m_firstStart)
        form->addRow(tr("Repeat password:"), m_repeat);
    else
        m_repeat->hide();
    form->addRow(m_message);
    form->addRow(buttons);

    connect(users, &UserSession::actorChanged, this, [this] {
        if (m_users->signedIn())
            accept();
    });
    connect(users, &UserSession::signInRefused, this, [this](const QString &message, bool lockedOut) {
        m_ok->setEnabled(true);
        m_message->setText(lockedOut ? tr("Locked: %1").arg(message) : message);
        m_password->clear();
        m_password->setFocus();
    });
}

QString LoginDialog::message() const
{
    return m_message->text();
}

void LoginDialog::submit()
{
    const QString name = m_name->text().trimmed();
    if (m_firstStart) {
        if (m_password->text() != m_repeat->text()) {
            m_message->setText(tr("The two passwords differ."));
            return;
        }
        // Creating the first account hashes the password (tens of ms) once, on a dialog the user waits for.
        const QString error = m_users->createFirstAdmin(name, m_password->text());
        if (!error.isEmpty()) {
            m_message->setText(error);
            return;
        }
    }
    m_ok->setEnabled(false);
    m_message->setText(tr("Checking..."));
    m_users->signIn(name, m_password->text());
}
