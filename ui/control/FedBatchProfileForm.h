#pragma once
// The fed-batch page of the control panel: which profile (constant, linear ramp, exponential), its
// parameters with their units (only the rows the chosen profile uses are shown), the exponential's starting
// rate F0 as it is typed, and Start / Pause / Resume. It builds the FeedRateProfile; the panel applies it.
#include "ActuatorControl.h"
#include "FeedRateProfile.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;

class FedBatchProfileForm : public QWidget
{
    Q_OBJECT
public:
    // rateUnit: the pump's unit (mL/h), for the constant and ramp rates.
    explicit FedBatchProfileForm(const QString &rateUnit, QWidget *parent = nullptr);

    FeedRateProfile profile() const;

Q_SIGNALS:
    void profileCommand(ActuatorControl::ProfileCommand command);
    void rowsChanged(); // the form's height changed

private:
    void showProfileRows();
    void updateStartRate();

    QString m_rateUnit;
    QFormLayout *m_form;
    QComboBox *m_kind;
    QLabel *m_rateALabel;
    QDoubleSpinBox *m_rateA, *m_rateB, *m_duration;
    QDoubleSpinBox *m_mu, *m_x0, *m_v0, *m_yxs, *m_sIn;
    QLabel *m_startRate;
};
