#include "LoginDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

LoginDialog::LoginDialog(UserSession *users, QWidget *parent)
    : QDialog(parent), m_users(users),
      m_firstStartNote(
          new QLabel(tr("No account exists yet. The first account is the administrator."), this)),
      m_name(new QLineEdit(this)), m_password(new QLineEdit(this)), m_repeat(new QLineEdit(this)),
      m_newPassword(new QLineEdit(this)), m_newRepeat(new QLineEdit(this)), m_message(new QLabel(this)),
      m_form(new QFormLayout(this))
{
    setWindowTitle(tr("Sign in"));
    for (QLineEdit *field : {m_password, m_repeat, m_newPassword, m_newRepeat})
        field->setEchoMode(QLineEdit::Password);
    m_message->setWordWrap(true);
    m_name->setMinimumWidth(240); // room for a name and a sentence of message per line
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Sign in"));
    connect(buttons, &QDialogButtonBox::accepted, this, &LoginDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_form->addRow(m_firstStartNote);
    m_form->addRow(tr("User:"), m_name);
    m_form->addRow(tr("Password:"), m_password);
    m_form->addRow(tr("Repeat password:"), m_repeat);
    m_form->addRow(tr("New password:"), m_newPassword);
    m_form->addRow(tr("Repeat new password:"), m_newRepeat);
    const QList<QWidget *> laterRows{m_firstStartNote, m_repeat, m_newPassword, m_newRepeat};
    for (QWidget *row : laterRows) // first start, or a password change
        m_form->setRowVisible(row, false);
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

    // Until the pool says whether any account exists, the dialog cannot know which form to show.
    setFieldsEnabled(false);
    showMessage(tr("Checking accounts..."));
    connect(&m_accounts, &QFutureWatcher<AccountsCheck>::finished, this,
            [this] { showForm(m_accounts.result()); });
    m_accounts.setFuture(users->checkAccounts());
}

void LoginDialog::showForm(const AccountsCheck &check)
{
    m_checking = false;
    m_firstStart = check.empty;
    if (m_firstStart) {
        setWindowTitle(tr("Create the administrator account"));
        m_ok->setText(tr("Create and sign in"));
        m_form->setRowVisible(m_firstStartNote, true);
        m_form->setRowVisible(m_repeat, true);
    }
    setFieldsEnabled(true);
    showMessage(check.error); // an unreadable store says why; otherwise no message
    m_name->setFocus();
    Q_EMIT accountsChecked();
}

void LoginDialog::setFieldsEnabled(bool enabled)
{
    const QList<QWidget *> fields{m_name, m_password, m_repeat, m_ok};
    for (QWidget *field : fields)
        field->setEnabled(enabled);
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
    // A wrapped message (and the rows shown later) need more height than the dialog had: grow to fit.
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
    if (m_checking)
        return;
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
