#include "CsvWriter.h"

#include <QBuffer>
#include <QTest>

class TestCsvWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void quotesOnlyWhenNeeded()
    {
        QCOMPARE(CsvWriter::quoted(QStringLiteral("ph [pH]")), QStringLiteral("ph [pH]"));
        QCOMPARE(CsvWriter::quoted(QStringLiteral("a,b")), QStringLiteral("\"a,b\""));
        QCOMPARE(CsvWriter::quoted(QStringLiteral("say \"hi\"")), QStringLiteral("\"say \"\"hi\"\"\""));
        QCOMPARE(CsvWriter::quoted(QStringLiteral("two\nlines")), QStringLiteral("\"two\nlines\""));
    }
    void rowsEndInCrLf()
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        CsvWriter csv(&buffer);
        QVERIFY(csv.writeRow({QStringLiteral("a"), QString(), QStringLiteral("c,d")}));
        QCOMPARE(buffer.data(), QByteArray("a,,\"c,d\"\r\n"));
    }
    void numbersUseDotAndRoundTrip()
    {
        QLocale::setDefault(QLocale(QLocale::German));
        const double value = 1234.5678901234;
        const QString text = CsvWriter::formatNumber(value);
        QVERIFY(text.contains(QLatin1Char('.')));
        QCOMPARE(text.toDouble(), value);
    }
};

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"
