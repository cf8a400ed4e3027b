// g/L <-> mmol/L with PubChem molecular weights.
#include "MolarConversion.h"

#include <QTest>

class TestMolarConversion : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void glucoseFeed()
    {
        // 500 g/L glucose (180.16 g/mol) is 2775.3 mmol/L.
        QCOMPARE(qRound(*MolarConversion::gramsPerLitreToMillimolar(500.0, 180.16) * 10), 27753);
        QVERIFY(qAbs(*MolarConversion::millimolarToGramsPerLitre(2775.3, 180.16) - 499.998) < 1e-3);
    }

    void roundTrip()
    {
        for (double mw : {17.031, 46.07, 180.16, 2154.7}) {
            const double gPerL = 12.5;
            QVERIFY(qFuzzyCompare(*MolarConversion::millimolarToGramsPerLitre(
                                      *MolarConversion::gramsPerLitreToMillimolar(gPerL, mw), mw),
                                  gPerL));
        }
    }

    void noWeightNoAnswer()
    {
        QVERIFY(!MolarConversion::gramsPerLitreToMillimolar(1.0, 0.0));
        QVERIFY(!MolarConversion::millimolarToGramsPerLitre(1.0, -5.0));
        QVERIFY(!MolarConversion::gramsPerLitreToMillimolar(1.0, std::nan("")));
    }
};

QTEST_GUILESS_MAIN(TestMolarConversion)
#include "tst_molar_conversion.moc"
