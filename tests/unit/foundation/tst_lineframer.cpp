#include "LineFramer.h"

#include <QTest>

class TestLineFramer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void splitReadIsJoined()
    {
        LineFramer framer;
        QVERIFY(framer.feed("ph=7.0").isEmpty());
        QVERIFY(framer.feed("1,do=8").isEmpty());
        const QList<QByteArray> lines = framer.feed("5.2\n");
        QCOMPARE(lines, QList<QByteArray>{"ph=7.01,do=85.2"});
        QCOMPARE(framer.pendingBytes(), 0);
    }
    void mergedReadIsSplit()
    {
        LineFramer framer;
        const QList<QByteArray> lines = framer.feed("OK\r\n7.5\nERR -113,\"x\"\npartial");
        QCOMPARE(lines, (QList<QByteArray>{"OK", "7.5", "ERR -113,\"x\""}));
        QCOMPARE(framer.pendingBytes(), 7);
        QCOMPARE(framer.feed("\n"), QList<QByteArray>{"partial"});
    }
    void byteByByte()
    {
        LineFramer framer;
        QList<QByteArray> all;
        for (char c : QByteArray("a\nbb\nccc\n"))
            all += framer.feed(QByteArray(1, c));
        QCOMPARE(all, (QList<QByteArray>{"a", "bb", "ccc"}));
    }
    void overlongGarbageIsDiscardedAndBounded()
    {
        LineFramer framer("\n", 16);
        framer.feed(QByteArray(100, 'x'));
        QVERIFY(framer.pendingBytes() <= 16);
        QCOMPARE(framer.discardedLines(), 1);
        // The framer recovers at the next terminator.
        QCOMPARE(framer.feed("yyy\nOK\n"), (QList<QByteArray>{"yyy", "OK"}));
    }
    void multiByteTerminator()
    {
        LineFramer framer("\r\n");
        QCOMPARE(framer.feed("S S 100.00 g\r"), QList<QByteArray>{});
        QCOMPARE(framer.feed("\nES\r\n"), (QList<QByteArray>{"S S 100.00 g", "ES"}));
    }
};

QTEST_GUILESS_MAIN(TestLineFramer)
#include "tst_lineframer.moc"
