#include "PlotRangeDialog.h"

#include "FormFields.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QPushButton>

PlotRangeDialog::PlotRangeDialog(const QString &channelLabel, double lower, double upper, QWidget *parent)
    : QDialog(parent), m_lower(makeSpinBox(this, -1e12, 1e12, lower, 4)),
      m_upper(makeSpinBox(this, -1e12, 1e12, upper, 4)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Value range of %1").arg(channelLabel));
    auto *form = new QFormLayout(this);
    form->addRow(tr("&From:"), m_lower);
    form->addRow(tr("&To:"), m_upper);
    form->addRow(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    const auto check = [this] {
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(this->lower() < this->upper());
    };
    connect(m_lower, &QDoubleSpinBox::valueChanged, this, check);
    connect(m_upper, &QDoubleSpinBox::valueChanged, this, check);
    check();
}

double PlotRangeDialog::lower() const
{
    return m_lower->value();
}

double PlotRangeDialog::upper() const
{
    return m_upper->value();
}
