// The sample store's min/max levels: a plot of any span gets O(maxPoints) points that bound every reading
// in the span (the envelope never hides a spike), full resolution when it fits, Bad readings as gaps.
#include "SampleStore.h"

#include <QTest>

#include <cmath>

namespace {
constexpr qint64 t0 = 1763769600000;

Reading at(qint64 i, double value, Quality quality = Quality::Good)
{
    return Reading{QStringLiteral("x"), t0 + i * 1000, value, QStringLiteral("u"), quality};
}
} // namespace

class TestSampleLevels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void smallSpanIsFullResolution()
    {
        SampleStore store(nullptr, 1000);
        for (int i = 0; i < 500; ++i)
            store.append(at(i, i, i == 42 ? Quality::Bad : Quality::Good));
        QVector<double> keys, values;
        const int level = store.plotPoints(QStringLiteral("x"), (t0 + 100000) / 1000.0,
                                           (t0 + 200000) / 1000.0, 1000, &keys, &values);
        QCOMPARE(level, 0);
        QCOMPARE(keys.size(), 101 + 2); // one point beyond each edge
        QCOMPARE(values.at(1), 100.0);
        store.plotPoints(QStringLiteral("x"), t0 / 1000.0, (t0 + 100000) / 1000.0, 1000, &keys, &values);
        QVERIFY(std::isnan(values.at(42)));
    }

    void largeSpanIsABoundedEnvelopeThatKeepsSpikes()
    {
        SampleStore store(nullptr, 10000); // full resolution only for the last 10,000
        constexpr int count = 1000000;
        for (int i = 0; i < count; ++i)
            store.append(at(i, i == 123457 ? 1000.0 : i == 777777 ? -1000.0 : std::sin(i * 1e-3)));
        QCOMPARE(store.pointCount(QStringLiteral("x")), std::size_t(10000));
        double first = 0, last = 0;
        QVERIFY(store.timeSpan(QStringLiteral("x"), &first, &last));
        QCOMPARE(first, t0 / 1000.0);
        QVector<double> keys, values;
        const int level = store.plotPoints(QStringLiteral("x"), first, last, 4000, &keys, &values);
        QVERIFY(level >= 2);
        QVERIFY2(keys.size() <= 4000 && keys.size() >= 1000, qPrintable(QString::number(keys.size())));
        QVERIFY(std::is_sorted(keys.cbegin(), keys.cend()));
        QCOMPARE(*std::max_element(values.cbegin(), values.cend()), 1000.0);
        QCOMPARE(*std::min_element(values.cbegin(), values.cend()), -1000.0);
        QVERIFY(keys.first() <= first + 1e-3 && keys.last() >= last - 1e-3); // covers the whole run

        // An old hour (beyond full resolution): level 1, every envelope within the span's bounds.
        const double from = first + 100000, to = from + 3600;
        QCOMPARE(store.plotPoints(QStringLiteral("x"), from, to, 4000, &keys, &values), 1);
        QVERIFY(keys.size() >= 2 * 3600 / 16 && keys.size() <= 2 * (3600 / 16 + 2));
        for (int i = 0; i < keys.size(); ++i)
            QVERIFY(values.at(i) >= -1.0001 && values.at(i) <= 1.0001);
        // Memory: far less than 24 bytes per reading once history is in envelopes.
        QVERIFY2(store.memoryBytes() < std::size_t(count) * 3,
                 qPrintable(QString::number(store.memoryBytes())));
    }

    void badReadingsStayOutOfEnvelopes()
    {
        SampleStore store(nullptr, 16);
        for (int i = 0; i < 4096; ++i)
            store.append(at(i, i % 2 ? 1.0 : -1.0, i % 100 == 0 ? Quality::Bad : Quality::Good));
        store.append(at(5000, 1e9, Quality::Bad));
        QVector<double> keys, values;
        double first = 0, last = 0;
        QVERIFY(store.timeSpan(QStringLiteral("x"), &first, &last));
        QVERIFY(store.plotPoints(QStringLiteral("x"), first, last, 64, &keys, &values) >= 1);
        QCOMPARE(*std::max_element(values.cbegin(), values.cend()), 1.0);
    }
};

QTEST_GUILESS_MAIN(TestSampleLevels)
#include "tst_sample_levels.moc"
