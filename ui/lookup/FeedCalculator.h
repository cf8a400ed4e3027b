#pragma once
// Feed/medium calculator: converts between g/L and mmol/L with the molecular weight of the compound picked in
// the compound table, and hands a concentration to the feed used by the models.
#include <QWidget>

class QDoubleSpinBox;
class QLabel;
class QPushButton;

class FeedCalculator : public QWidget
{
    Q_OBJECT
public:
    explicit FeedCalculator(QWidget *parent = nullptr);

    void setCompound(const QString &name, double gramsPerMole);
    void clearCompound();
    double gramsPerLitre() const;
    double millimolar() const;
    void setGramsPerLitre(double value);
    void setMillimolar(double value);

Q_SIGNALS:
    // The operator chose this as the substrate concentration of the feed (g/L).
    void substrateConcentrationChosen(double gramsPerLitre);

private:
    void updateFromMass();
    void updateFromMolar();

    QLabel *m_compound;
    QDoubleSpinBox *m_gramsPerLitre;
    QDoubleSpinBox *m_millimolar;
    QPushButton *m_useAsFeed;
    double m_gramsPerMole = 0.0;
};
