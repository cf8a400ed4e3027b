#include "FedBatchProfileForm.h"

#include "FormFields.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace {
enum ProfileKind
{
    Constant,
    LinearRamp,
    Exponential
};
} // namespace

FedBatchProfileForm::FedBatchProfileForm(const QString &rateUnit, QWidget *parent)
    : QWidget(parent), m_rateUnit(rateUnit), m_form(new QFormLayout(this)), m_kind(new QComboBox(this)),
      m_rateALabel(new QLabel(this)), m_rateA(makeSpinBox(this, 0, 1e4, 5, 2)),
      m_rateB(makeSpinBox(this, 0, 1e4, 20, 2)), m_duration(makeSpinBox(this, 0, 1000, 10, 2)),
      m_mu(makeSpinBox(this, 0, 2, 0.1, 4)), m_x0(makeSpinBox(this, 0, 500, 5, 3)),
      m_v0(makeSpinBox(this, 0, 1e6, 1000, 1)), m_yxs(makeSpinBox(this, 0.01, 2, 0.5, 3)),
      m_sIn(makeSpinBox(this, 1, 2000, 400, 1)), m_startRate(new QLabel(this))
{
    m_kind->setObjectName(QStringLiteral("profileKind"));
    m_kind->addItem(tr("Constant"));
    m_kind->addItem(tr("Linear ramp"));
    m_kind->addItem(tr("Exponential"));
    // The units are in the labels; the exponential's are the ones FeedRateProfile needs to give mL/h.
    m_rateB->setToolTip(tr("The rate reached at the end of the ramp, then held."));
    m_duration->setToolTip(tr("Profile time from the start rate to the end rate; pauses do not count."));
    m_mu->setObjectName(QStringLiteral("muSet"));
    m_mu->setToolTip(tr("The specific growth rate the feed is to sustain: the feed rises as e^(μ_set t)."));
    m_x0->setToolTip(tr("Biomass concentration in the vessel when the profile starts."));
    m_v0->setToolTip(tr("Culture volume when the profile starts."));
    m_yxs->setToolTip(tr("Biomass formed per gram of glucose consumed."));
    m_sIn->setToolTip(tr("Glucose concentration in the feed bottle."));
    m_startRate->setObjectName(QStringLiteral("startRate"));
    m_startRate->setToolTip(tr("F₀ = μ_set X₀ V₀ / (Y_x/s S_in)"));
    m_form->addRow(tr("Profile:"), m_kind);
    m_form->addRow(m_rateALabel, m_rateA);
    m_form->addRow(tr("End rate [%1]:").arg(rateUnit), m_rateB);
    m_form->addRow(tr("Duration [h]:"), m_duration);
    m_form->addRow(tr("Growth rate μ_set [1/h]:"), m_mu);
    m_form->addRow(tr("Biomass X₀ [g/L]:"), m_x0);
    m_form->addRow(tr("Volume V₀ [mL]:"), m_v0);
    m_form->addRow(tr("Yield Y_x/s [g/g]:"), m_yxs);
    m_form->addRow(tr("Feed glucose S_in [g/L]:"), m_sIn);
    m_form->addRow(tr("Starting rate F₀:"), m_startRate);
    for (QDoubleSpinBox *box : {m_mu, m_x0, m_v0, m_yxs, m_sIn})
        connect(box, &QDoubleSpinBox::valueChanged, this, &FedBatchProfileForm::updateStartRate);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &FedBatchProfileForm::showProfileRows);

    auto *buttons = new QHBoxLayout;
    const std::pair<QString, ActuatorControl::ProfileCommand> commands[] = {
        {tr("Start"), ActuatorControl::ProfileCommand::Start},
        {tr("Pause"), ActuatorControl::ProfileCommand::Pause},
        {tr("Resume"), ActuatorControl::ProfileCommand::Resume}};
    for (const auto &[text, command] : commands) {
        auto *button = new QPushButton(text, this);
        connect(button, &QPushButton::clicked, this,
                [this, command = command] { Q_EMIT profileCommand(command); });
        buttons->addWidget(button);
    }
    m_form->addRow(buttons);
    updateStartRate();
    showProfileRows();
}

FeedRateProfile FedBatchProfileForm::profile() const
{
    switch (m_kind->currentIndex()) {
    case LinearRamp:
        return FeedRateProfile::linearRamp(m_rateA->value(), m_rateB->value(), m_duration->value());
    case Exponential:
        return FeedRateProfile::exponential(m_mu->value(), m_x0->value(), m_v0->value(), m_yxs->value(),
                                            m_sIn->value());
    default:
        return FeedRateProfile::constant(m_rateA->value());
    }
}

void FedBatchProfileForm::showProfileRows()
{
    // Only the rows the chosen profile uses.
    const int kind = m_kind->currentIndex();
    m_rateALabel->setText(kind == LinearRamp ? tr("Start rate [%1]:").arg(m_rateUnit)
                                             : tr("Rate [%1]:").arg(m_rateUnit));
    m_rateA->setToolTip(kind == LinearRamp ? tr("The rate at Start.") : tr("The rate held from Start."));
    m_form->setRowVisible(m_rateA, kind != Exponential);
    for (QWidget *field : {static_cast<QWidget *>(m_rateB), static_cast<QWidget *>(m_duration)})
        m_form->setRowVisible(field, kind == LinearRamp);
    for (QWidget *field :
         {static_cast<QWidget *>(m_mu), static_cast<QWidget *>(m_x0), static_cast<QWidget *>(m_v0),
          static_cast<QWidget *>(m_yxs), static_cast<QWidget *>(m_sIn), static_cast<QWidget *>(m_startRate)})
        m_form->setRowVisible(field, kind == Exponential);
    Q_EMIT rowsChanged();
}

void FedBatchProfileForm::updateStartRate()
{
    const FeedRateProfile exponential = FeedRateProfile::exponential(
        m_mu->value(), m_x0->value(), m_v0->value(), m_yxs->value(), m_sIn->value());
    m_startRate->setText(tr("%1 mL/h").arg(exponential.rateAt(0.0), 0, 'f', 2));
}
