#include "FormFields.h"

#include <QDoubleSpinBox>

QDoubleSpinBox *makeSpinBox(QWidget *parent, double minimum, double maximum, double value, int decimals,
                            const QString &suffix)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setRange(minimum, maximum);
    box->setDecimals(decimals);
    box->setValue(value);
    box->setSuffix(suffix);
    return box;
}
