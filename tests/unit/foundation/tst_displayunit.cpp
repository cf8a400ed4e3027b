// Station unit texts as people read them; what is recorded is not touched (DisplayUnit only maps text).
#include "DisplayUnit.h"

#include <QTest>

class TestDisplayUnit : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void stationUnitsAreShownTheWayPeopleWriteThem_data()
    {
        QTest::addColumn<QString>("station");
        QTest::addColumn<QString>("shown");
        QTest::newRow("celsius") << "degC" << QStringLiteral("°C");
        QTest::newRow("fahrenheit") << "degF" << QStringLiteral("°F");
        QTest::newRow("per minute") << "degC/min" << QStringLiteral("°C/min");
        QTest::newRow("micro") << "uS/cm" << QStringLiteral("µS/cm");
        QTest::newRow("micromolar") << "umol/L" << QStringLiteral("µmol/L");
        QTest::newRow("saturation stays") << "%sat"
                                          << "%sat";
        QTest::newRow("flow stays") << "mL/h"
                                    << "mL/h";
        QTest::newRow("pH stays") << "pH"
                                  << "pH";
        QTest::newRow("unknown stays") << "OD600"
                                       << "OD600";
        QTest::newRow("blanks trimmed") << " degC " << QStringLiteral("°C");
        QTest::newRow("none") << ""
                              << "";
        QTest::newRow("not a prefix") << "degrees"
                                      << "degrees";
    }
    void stationUnitsAreShownTheWayPeopleWriteThem()
    {
        QFETCH(QString, station);
        QFETCH(QString, shown);
        QCOMPARE(DisplayUnit::text(station), shown);
    }
};

QTEST_APPLESS_MAIN(TestDisplayUnit)
#include "tst_displayunit.moc"
