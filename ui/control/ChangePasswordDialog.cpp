#include "ChangePasswordDialog.h"

#include "UserSession.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

ChangePasswordDialog::ChangePasswordDialog(UserSession *users, QWidget *parent)
    : QDialog(parent), m_users(users), m_old(new QLineEdit(this)), m_new(new QLineEdit(this)),
      m_repeat(new QLineEdit(this)), m_message(new QLabel(this))
{
    setWindowTitle(tr("Change password of %1").arg(users->actor().user));
    for (QLineEdit *field : {m_old, m_new, m_repeat})
        field->setEchoMode(QLineEdit::Password);
    m_message->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Change password"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ChangePasswordDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *form = new QFormLayout(this);
    form->addRow(tr("Current password:"), m_old);
    form->addRow(tr("New password:"), m_new);
    form->addRow(tr("Repeat new password:"), m_repeat);
    form->addRow(m_message);
    form->addRow(buttons);
}

QString ChangePasswordDialog::message() const
{
    return m_message->text();
}

void ChangePasswordDialog::submit()
{
    if (m_new->text() != m_repeat->text()) {
        m_message->setText(tr("The two new passwords differ."));
        Q_EMIT changeFinished(m_message->text());
        return;
    }
    m_ok->setEnabled(false);
    m_message->setText(tr("Checking..."));
    m_users->changeOwnPassword(m_old->text(), m_new->text())
        .then(this, [this](const UserStoreResult &result) {
            m_ok->setEnabled(true);
            if (result.ok()) {
                m_message->setText(tr("Password changed."));
                accept();
            } else {
                m_message->setText(result.error);
                for (QLineEdit *field : {m_old, m_new, m_repeat})
                    field->clear();
            }
            Q_EMIT changeFinished(result.error);
        });
}
