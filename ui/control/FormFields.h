#pragma once
// Small field factories the control forms share.
#include <QString>

class QDoubleSpinBox;
class QWidget;

// A spin box with its range, decimals and value set in that order (so the value is not clamped to the
// default range or rounded to the default decimals first).
QDoubleSpinBox *makeSpinBox(QWidget *parent, double minimum, double maximum, double value, int decimals,
                            const QString &suffix = {});
