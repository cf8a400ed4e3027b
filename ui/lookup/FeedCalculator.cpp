#include "FeedCalculator.h"

#include "MolarConversion.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>

FeedCalculator::FeedCalculator(QWidget *parent)
    : QWidget(parent), m_compound(new QLabel(this)), m_gramsPerLitre(new QDoubleSpinBox(this)),
      m_millimolar(new QDoubleSpinBox(this)),
      m_useAsFeed(new QPushButton(tr("Use as feed substrate concentration"), this))
{
    m_gramsPerLitre->setObjectName(QStringLiteral("gramsPerLitre"));
    m_millimolar->setObjectName(QStringLiteral("millimolar"));
    m_useAsFeed->setObjectName(QStringLiteral("useAsFeed"));
    m_gramsPerLitre->setRange(0.0, 2000.0);
    m_gramsPerLitre->setDecimals(3);
    m_gramsPerLitre->setSuffix(tr(" g/L"));
    m_millimolar->setRange(0.0, 1.0e6);
    m_millimolar->setDecimals(2);
    m_millimolar->setSuffix(tr(" mmol/L"));
    auto *layout = new QFormLayout(this);
    layout->addRow(tr("Compound:"), m_compound);
    layout->addRow(tr("Mass concentration:"), m_gramsPerLitre);
    layout->addRow(tr("Molar concentration:"), m_millimolar);
    layout->addRow(m_useAsFeed);
    connect(m_gramsPerLitre, &QDoubleSpinBox::valueChanged, this, &FeedCalculator::updateFromMass);
    connect(m_millimolar, &QDoubleSpinBox::valueChanged, this, &FeedCalculator::updateFromMolar);
    connect(m_useAsFeed, &QPushButton::clicked, this,
            [this] { Q_EMIT substrateConcentrationChosen(m_gramsPerLitre->value()); });
    clearCompound();
}

void FeedCalculator::setCompound(const QString &name, double gramsPerMole)
{
    m_gramsPerMole = gramsPerMole;
    m_compound->setText(tr("%1 (%2 g/mol)").arg(name).arg(gramsPerMole));
    m_millimolar->setEnabled(true);
    m_useAsFeed->setEnabled(true);
    updateFromMass();
}

void FeedCalculator::clearCompound()
{
    m_gramsPerMole = 0.0;
    m_compound->setText(tr("Pick a found compound in the table."));
    m_millimolar->setEnabled(false);
    m_useAsFeed->setEnabled(false);
}

double FeedCalculator::gramsPerLitre() const
{
    return m_gramsPerLitre->value();
}

double FeedCalculator::millimolar() const
{
    return m_millimolar->value();
}

void FeedCalculator::setGramsPerLitre(double value)
{
    m_gramsPerLitre->setValue(value);
}

void FeedCalculator::setMillimolar(double value)
{
    m_millimolar->setValue(value);
}

void FeedCalculator::updateFromMass()
{
    const auto molar = MolarConversion::gramsPerLitreToMillimolar(m_gramsPerLitre->value(), m_gramsPerMole);
    if (!molar)
        return;
    const QSignalBlocker blocker(m_millimolar);
    m_millimolar->setValue(*molar);
}

void FeedCalculator::updateFromMolar()
{
    const auto mass = MolarConversion::millimolarToGramsPerLitre(m_millimolar->value(), m_gramsPerMole);
    if (!mass)
        return;
    const QSignalBlocker blocker(m_gramsPerLitre);
    m_gramsPerLitre->setValue(*mass);
}
