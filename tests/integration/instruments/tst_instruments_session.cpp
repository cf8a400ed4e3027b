// ReactorSession with a station file instead of the demo: a bad file is refused with every error named, a
// real file connects its instruments without starting the simulator, readings reach the store, and silence
// turns the channel Uncertain and then Bad.
#include "PtyPeer.h"
#include "ReactorSession.h"
#include "SampleStore.h"
#include "StationInstruments.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class TestInstrumentSession : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    QString writeStation(const QByteArray &json)
    {
        const QString path = m_dir.filePath(QStringLiteral("bench.json"));
        QFile file(path);
        file.open(QIODevice::WriteOnly | QIODevice::Truncate);
        file.write(json);
        return path;
    }
    ReactorSession::Options options(const QString &station)
    {
        ReactorSession::Options o;
        o.simulatorProgram = QStringLiteral(RD_SIM_PATH);
        o.runFile = m_dir.filePath(QStringLiteral("run-%1.rdrun").arg(QDateTime::currentMSecsSinceEpoch()));
        o.stationFile = station;
        return o;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void badStationFileIsRefusedWithEveryError()
    {
        const QString path =
            writeStation(R"({"station": "b", "instruments": [{"name": "x", "driver": "nope"}]})");
        ReactorSession session(options(path));
        QSignalSpy problems(&session, &ReactorSession::problem);
        QSignalSpy stopped(&session, &ReactorSession::stopped);
        session.start();
        QVERIFY(session.stationErrors().size() >= 3); // driver, port, channels
        for (const QString &error : session.stationErrors())
            QVERIFY2(error.startsWith(path + QStringLiteral(": $.instruments[0].")), qPrintable(error));
        QVERIFY(problems.size() >= session.stationErrors().size());
        QVERIFY(session.instrumentNames().isEmpty());
        session.shutdown();
        QVERIFY(stopped.wait(5000));
    }

    void stationFileInstrumentsFeedTheStore()
    {
        PtyPeer peer;
        const QString path = writeStation(QStringLiteral(R"({"station": "bench", "instruments": [
            {"name": "Balance", "driver": "mt-sics", "port": "%1", "pollPeriodMs": 100, "timeoutMs": 80,
             "channels": [{"name": "bottle", "unit": "g", "min": 0, "max": 2000}]}]})")
                                              .arg(peer.path())
                                              .toUtf8());
        ReactorSession session(options(path));
        QSignalSpy quality(&session, &ReactorSession::channelQualityChanged);
        QSignalSpy stopped(&session, &ReactorSession::stopped);
        session.start();
        QVERIFY(session.stationErrors().isEmpty());
        QCOMPARE(session.instrumentNames(), QStringList{QStringLiteral("Balance")});
        QCOMPARE(session.channels().size(), 1);
        QTRY_COMPARE(session.instrumentState(QStringLiteral("Balance")), LinkState::Connected);
        QVERIFY(peer.expectRequest("I4\r\n"));
        peer.send("I4 A \"1\"\r\n");
        QVERIFY(peer.expectRequest("SI\r\n"));
        peer.send("S S     750.00 g\r\n");
        QTRY_COMPARE(session.store()->pointCount(QStringLiteral("bottle")), std::size_t(1));
        QCOMPARE(session.channelQuality(QStringLiteral("bottle")), Quality::Good);
        // The balance goes silent: Uncertain after 3 poll periods, Bad after 5, within a second. The order is
        // judged from the signals, not by polling: on a loaded machine a poll can miss the 200 ms Uncertain span.
        const qint64 silentFrom = QDateTime::currentMSecsSinceEpoch();
        QTRY_COMPARE_WITH_TIMEOUT(session.channelQuality(QStringLiteral("bottle")), Quality::Bad, 2000);
        QVERIFY(QDateTime::currentMSecsSinceEpoch() - silentFrom < 1500);
        QList<Quality> sequence;
        for (const QList<QVariant> &change : quality)
            if (change.at(0).toString() == QStringLiteral("bottle"))
                sequence.append(change.at(1).value<Quality>());
        QVERIFY(sequence.size() >= 2);
        QCOMPARE(sequence.at(sequence.size() - 2), Quality::Uncertain);
        QCOMPARE(sequence.last(), Quality::Bad);
        QCOMPARE(session.store()->pointCount(QStringLiteral("bottle")), std::size_t(1)); // nothing invented
        session.shutdown();
        QVERIFY(stopped.wait(5000));
    }
};

QTEST_GUILESS_MAIN(TestInstrumentSession)
#include "tst_instruments_session.moc"
