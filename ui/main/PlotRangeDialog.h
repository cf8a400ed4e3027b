#pragma once
// Asks for a channel's fixed value range (lower < upper); OK stays disabled until the two make a range.
#include <QDialog>

class QDialogButtonBox;
class QDoubleSpinBox;

class PlotRangeDialog : public QDialog
{
    Q_OBJECT
public:
    PlotRangeDialog(const QString &channelLabel, double lower, double upper, QWidget *parent = nullptr);

    double lower() const;
    double upper() const;

private:
    QDoubleSpinBox *m_lower;
    QDoubleSpinBox *m_upper;
    QDialogButtonBox *m_buttons;
};
