#include "ScpiReply.h"

#include <QTest>

class TestScpiReply : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void value()
    {
        const ScpiReply reply = ScpiReply::parse("  7.012 ");
        QCOMPARE(reply.kind, ScpiReply::Kind::Value);
        QCOMPARE(reply.value, 7.012);
    }
    void fields()
    {
        const ScpiReply reply = ScpiReply::parse("ph=7.01,do=85.2,temperature=3.7e1");
        QCOMPARE(reply.kind, ScpiReply::Kind::Fields);
        QCOMPARE(reply.fields.size(), 3);
        QCOMPARE(reply.fields.at(0).name, QStringLiteral("ph"));
        QCOMPARE(reply.fields.at(2).value, 37.0);
    }
    void ok() { QCOMPARE(ScpiReply::parse("OK").kind, ScpiReply::Kind::Ok); }
    void errorReply()
    {
        const ScpiReply reply = ScpiReply::parse("ERR -222,\"Data out of range\"");
        QCOMPARE(reply.kind, ScpiReply::Kind::Error);
        QCOMPARE(reply.errorCode, -222);
        QCOMPARE(reply.text, QStringLiteral("Data out of range"));
    }
    void malformed_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::newRow("empty") << QByteArray("");
        QTest::newRow("text") << QByteArray("hello");
        QTest::newRow("nan") << QByteArray("nan");
        QTest::newRow("inf") << QByteArray("inf");
        QTest::newRow("field without value") << QByteArray("ph=,do=3");
        QTest::newRow("field without name") << QByteArray("=7");
        QTest::newRow("field garbage") << QByteArray("ph=7.0,\xff\xfe=garbage");
        QTest::newRow("error without code") << QByteArray("ERR oops");
    }
    void malformed()
    {
        QFETCH(QByteArray, line);
        const ScpiReply reply = ScpiReply::parse(line);
        QCOMPARE(reply.kind, ScpiReply::Kind::Malformed);
        QVERIFY(!reply.text.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestScpiReply)
#include "tst_scpireply.moc"
