// SCPI over TCP conformance: the station's channel->query map, READ? fields, error and malformed replies, set
// commands, split and merged reads, against a QTcpServer on 127.0.0.1 playing the instrument.
#include "DriverProbe.h"
#include "ScpiInstrument.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

class TestScpi : public QObject
{
    Q_OBJECT
private:
    QTcpServer m_server;
    QPointer<QTcpSocket> m_peer;
    QByteArray m_received;

    std::unique_ptr<ScpiInstrument> connectedInstrument(std::unique_ptr<DriverProbe> *probe)
    {
        m_received.clear();
        auto instrument = std::make_unique<ScpiInstrument>(
            QStringLiteral("analyser"), LinkEndpoint::tcp(QStringLiteral("127.0.0.1"), m_server.serverPort()),
            QList<ChannelInfo>{{QStringLiteral("od"), QStringLiteral("OD600"), {}, 0, 200},
                               {QStringLiteral("glucose"), QStringLiteral("g/L"), {}, 0, 100},
                               {QStringLiteral("volume"), QStringLiteral("mL"), {}, 0, 5000}},
            100000, 300, QMap<QString, QByteArray>{{QStringLiteral("od"), "MEAS:OD?"}},
            QMap<QString, QByteArray>{{QStringLiteral("base_pump"), "PUMP:BASE:RATE"}});
        *probe = std::make_unique<DriverProbe>(instrument.get());
        instrument->open();
        if (!(*probe)->waitConnected(instrument.get()) ||
            !QTest::qWaitFor([this] { return !m_peer.isNull(); }))
            return nullptr;
        return instrument;
    }
    bool expect(const QByteArray &line)
    {
        const bool ok = QTest::qWaitFor([&] { return m_received.contains('\n'); }, 3000);
        const QByteArray got = m_received.left(m_received.indexOf('\n') + 1);
        m_received.remove(0, got.size());
        if (!ok || got != line)
            qWarning() << "expected" << line << "got" << got;
        return ok && got == line;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.listen(QHostAddress::LocalHost, 0));
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            m_peer = m_server.nextPendingConnection();
            connect(m_peer, &QTcpSocket::readyRead, this, [this] { m_received += m_peer->readAll(); });
        });
    }

    void pollUsesTheQueryMap()
    {
        std::unique_ptr<DriverProbe> probe;
        auto instrument = connectedInstrument(&probe);
        QVERIFY(instrument);
        instrument->pollNow();
        QVERIFY(expect("MEAS:OD?\n"));
        m_peer->write("12.5");
        QTest::qWait(20);
        m_peer->write("\n"); // split reply
        QVERIFY(expect("READ?\n"));
        m_peer->write(
            "glucose=9.5,volume=1012.25,foreign=3\n"); // a field the station does not list is ignored
        QTRY_COMPARE(probe->readings.size(), 2);
        const QList<Reading> od = probe->readings.at(0).first().value<QList<Reading>>();
        QCOMPARE(od.size(), 1);
        QCOMPARE(od.first().channel, QStringLiteral("od"));
        QCOMPARE(od.first().value, 12.5);
        const QList<Reading> fields = probe->readings.at(1).first().value<QList<Reading>>();
        QCOMPARE(fields.size(), 2);
        QCOMPARE(fields.at(1).value, 1012.25);
        QCOMPARE(fields.at(1).unit, QStringLiteral("mL"));
    }

    void errorsAndMalformedRepliesInventNoReading_data()
    {
        QTest::addColumn<QByteArray>("reply");
        QTest::addColumn<QString>("problem");
        QTest::newRow("error") << QByteArray("ERR -113,\"Undefined header\"\n") << QStringLiteral("-113");
        QTest::newRow("nan") << QByteArray("nan\n") << QStringLiteral("malformed");
        QTest::newRow("text") << QByteArray("hello\n") << QStringLiteral("malformed");
        QTest::newRow("garbage") << QByteArray("\xff\xfe=garbage,,=\n") << QStringLiteral("malformed");
    }
    void errorsAndMalformedRepliesInventNoReading()
    {
        QFETCH(QByteArray, reply);
        QFETCH(QString, problem);
        std::unique_ptr<DriverProbe> probe;
        auto instrument = connectedInstrument(&probe);
        QVERIFY(instrument);
        instrument->pollNow();
        QVERIFY(expect("MEAS:OD?\n"));
        m_peer->write(reply);
        QTRY_VERIFY2(probe->lastProblem().contains(problem), qPrintable(probe->lastProblem()));
        QVERIFY(expect("READ?\n"));
        m_peer->write("glucose=1,volume=2\n");
        QTRY_COMPARE(probe->readings.size(), 1);
        QCOMPARE(probe->readings.first().first().value<QList<Reading>>().size(), 2); // only READ? gave values
    }

    void outOfRangeValueIsBad()
    {
        std::unique_ptr<DriverProbe> probe;
        auto instrument = connectedInstrument(&probe);
        QVERIFY(instrument);
        instrument->pollNow();
        QVERIFY(expect("MEAS:OD?\n"));
        m_peer->write("250\n");
        QTRY_COMPARE(probe->readings.size(), 1);
        QCOMPARE(probe->lastReading().quality, Quality::Bad);
    }

    void setCommandAnsweredByOkOrError()
    {
        std::unique_ptr<DriverProbe> probe;
        auto instrument = connectedInstrument(&probe);
        QVERIFY(instrument);
        int result = -1;
        QString why;
        auto done = [&](bool ok, const QString &error) {
            result = ok;
            why = error;
        };
        instrument->command(QStringLiteral("base_pump"), 12.5, done);
        QVERIFY(expect("PUMP:BASE:RATE 12.5\n"));
        m_peer->write("OK\n");
        QTRY_COMPARE(result, 1);
        instrument->command(QStringLiteral("base_pump"), 999, done);
        QVERIFY(expect("PUMP:BASE:RATE 999\n"));
        m_peer->write("ERR -222,\"Data out of range\"\n");
        QTRY_COMPARE(result, 0);
        QVERIFY(why.contains(QStringLiteral("Data out of range")));
    }

    void identificationAndErrorQueue()
    {
        std::unique_ptr<DriverProbe> probe;
        auto instrument = connectedInstrument(&probe);
        QVERIFY(instrument);
        QByteArray idn, err;
        instrument->requestRaw("*IDN?",
                               [&](bool ok, const QByteArray &line) { idn = ok ? line : "timeout"; });
        instrument->requestRaw("SYST:ERR?",
                               [&](bool ok, const QByteArray &line) { err = ok ? line : "timeout"; });
        QVERIFY(expect("*IDN?\n"));
        m_peer->write("ACME,Analyser,1234,1.0\n0,\"No error\"\n"); // merged: the second line is stale
        QTRY_COMPARE(idn, QByteArray("ACME,Analyser,1234,1.0"));
        QVERIFY(expect("SYST:ERR?\n"));
        QTRY_COMPARE(err, QByteArray("timeout")); // the stale line was flushed, not taken as the answer
    }

    void lostConnectionReconnects()
    {
        std::unique_ptr<DriverProbe> probe;
        auto instrument = connectedInstrument(&probe);
        QVERIFY(instrument);
        m_peer->abort();
        QTRY_VERIFY(instrument->state() == LinkState::Reconnecting ||
                    instrument->state() == LinkState::Connected);
        QTRY_COMPARE(instrument->state(), LinkState::Connected); // back after the first backoff (~0.5 s)
        instrument->close();
        QCOMPARE(instrument->state(), LinkState::Disconnected);
    }
};

QTEST_GUILESS_MAIN(TestScpi)
#include "tst_instruments_scpi.moc"
