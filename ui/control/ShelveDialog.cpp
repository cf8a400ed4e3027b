#include "ShelveDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

ShelveDialog::ShelveDialog(const QString &alarmText, QWidget *parent)
    : QDialog(parent), m_reason(new QLineEdit(this)), m_minutes(new QSpinBox(this))
{
    setWindowTitle(tr("Shelve alarm"));
    m_minutes->setRange(1, 24 * 60);
    m_minutes->setValue(60);
    m_minutes->setSuffix(tr(" min"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("Shelve"));
    ok->setEnabled(false);
    connect(m_reason, &QLineEdit::textChanged, ok,
            [ok](const QString &text) { ok->setEnabled(!text.trimmed().isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *form = new QFormLayout(this);
    form->addRow(new QLabel(alarmText, this));
    form->addRow(tr("Reason:"), m_reason);
    form->addRow(tr("For:"), m_minutes);
    form->addRow(buttons);
}

QString ShelveDialog::reason() const
{
    return m_reason->text().trimmed();
}

qint64 ShelveDialog::durationMs() const
{
    return qint64(m_minutes->value()) * 60000;
}
