#include "LimitsDialog.h"

#include "ActuatorLimitsEditor.h"
#include "AlarmLimitsEditor.h"
#include "ControlSystem.h"

#include <QDialogButtonBox>
#include <QTabWidget>
#include <QVBoxLayout>

LimitsDialog::LimitsDialog(ControlSystem *control, QWidget *parent)
    : QDialog(parent), m_actuators(new ActuatorLimitsEditor(control->actuators(), control->users(), this)),
      m_alarms(new AlarmLimitsEditor(control->alarms(), control->users(), this))
{
    setWindowTitle(tr("Limits and alarm settings"));
    auto *tabs = new QTabWidget(this);
    tabs->addTab(m_actuators, tr("Actuator limits"));
    tabs->addTab(m_alarms, tr("Alarm limits"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(buttons);
}
