// Bad input against the real simulator process: unknown commands, garbage bytes, a simulator killed mid-run.
#include "ReactorSession.h"
#include "SampleStore.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {
// Sends one line and returns the reply line, spinning the event loop while waiting.
QByteArray ask(QTcpSocket &socket, const QByteArray &line)
{
    socket.write(line + '\n');
    QByteArray reply;
    (void)QTest::qWaitFor(
        [&] {
            reply += socket.readAll();
            return reply.endsWith('\n');
        },
        3000);
    return reply;
}

ReactorSession::Options demoOptions(const QTemporaryDir &dir, const QString &name)
{
    ReactorSession::Options options;
    options.simulatorProgram = QStringLiteral(RD_SIM_PATH);
    options.speed = 600;
    options.runFile = dir.filePath(name);
    return options;
}
} // namespace

class TestFaults : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void simulatorAnswersUnknownCommandsAndKeepsServing()
    {
        QProcess sim;
        sim.start(QStringLiteral(RD_SIM_PATH), {QStringLiteral("--tcp-port"), QStringLiteral("0")});
        QTRY_VERIFY_WITH_TIMEOUT(sim.canReadLine(), 10000);
        SimulatorEndpoints endpoints;
        QCOMPARE(SimulatorProcess::parseAnnouncement(sim.readLine(), &endpoints), QString());
        QTcpSocket socket;
        socket.connectToHost(endpoints.controllerHost, endpoints.controllerPort);
        QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::ConnectedState, 5000);
        QVERIFY(ask(socket, "FLY:TO:MOON 3").startsWith("ERR -113,"));
        QVERIFY(ask(socket, QByteArray("\xff\xfe\x01 garbage")).startsWith("ERR -113,"));
        QVERIFY(ask(socket, "PUMP:FEED:RATE abc").startsWith("ERR -104,"));
        QVERIFY(ask(socket, "PUMP:FEED:RATE 9999").startsWith("ERR -222,"));
        QVERIFY(ask(socket, "MEAS:PH?").startsWith("ERR -113,")); // pH is on the other face
        QVERIFY(ask(socket, "*IDN?").startsWith("ReactorDesk,Simulated controller"));
        QVERIFY(ask(socket, "MEAS:VOLUME?").toDouble() > 0);
        sim.terminate();
        QTRY_COMPARE_WITH_TIMEOUT(sim.state(), QProcess::NotRunning, 5000);
        QCOMPARE(sim.exitStatus(), QProcess::NormalExit); // SIGTERM stops it cleanly
        QCOMPARE(sim.exitCode(), 0);
    }

    void garbageFromTheInstrumentIsSurvived()
    {
        QTemporaryDir dir;
        ReactorSession session(demoOptions(dir, QStringLiteral("garbage.rdrun")));
        QSignalSpy started(&session, &ReactorSession::simulatorStarted);
        session.start();
        QVERIFY(started.wait(10000));
        const auto endpoints = started.first().at(0).value<SimulatorEndpoints>();
        QTRY_VERIFY_WITH_TIMEOUT(session.store()->pointCount(QStringLiteral("ph")) > 0, 10000);

        QTcpSocket socket;
        socket.connectToHost(endpoints.controllerHost, endpoints.controllerPort);
        QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::ConnectedState, 5000);
        QVERIFY(ask(socket, "SIM:FAULT:GARBAGE 2").contains("OK"));
        socket.disconnectFromHost();

        QTest::qWait(2500); // the garbage burst, on both faces
        // Every value that reached the store is a real measurement: garbage was never parsed into a reading.
        for (const SeriesPoint &p : session.store()->series(QStringLiteral("ph")))
            QVERIFY2(p.value > 5.5 && p.value < 8.0, qPrintable(QString::number(p.value)));
        for (const SeriesPoint &p : session.store()->series(QStringLiteral("volume")))
            QVERIFY2(p.value > 900 && p.value < 1100, qPrintable(QString::number(p.value)));
        // ...and once it stops, readings flow again.
        const std::size_t before = session.store()->pointCount(QStringLiteral("ph"));
        QTRY_VERIFY_WITH_TIMEOUT(session.store()->pointCount(QStringLiteral("ph")) > before + 2, 10000);
        QSignalSpy stopped(&session, &ReactorSession::stopped);
        session.shutdown();
        QVERIFY(stopped.wait(10000));
    }

    void killedSimulatorShowsDisconnectedAndReconnects()
    {
        QTemporaryDir dir;
        ReactorSession session(demoOptions(dir, QStringLiteral("kill.rdrun")));
        QSignalSpy started(&session, &ReactorSession::simulatorStarted);
        QList<LinkState> controllerStates;
        const QString controller = session.instrumentNames().at(1);
        connect(&session, &ReactorSession::instrumentStateChanged, this,
                [&](const QString &name, LinkState state) {
                    if (name == controller)
                        controllerStates.append(state);
                });
        session.start();
        QVERIFY(started.wait(10000));
        QTRY_VERIFY_WITH_TIMEOUT(session.store()->pointCount(QStringLiteral("volume")) > 1, 10000);
        const qint64 pid = started.first().at(1).toLongLong();
        QVERIFY(pid > 0);

        ::kill(pid_t(pid), SIGKILL);
        QTRY_VERIFY_WITH_TIMEOUT(session.instrumentState(controller) != LinkState::Connected, 5000);
        QVERIFY(controllerStates.contains(LinkState::Reconnecting));

        // The session restarts the simulator; the links find it again and readings resume.
        QVERIFY(started.wait(15000));
        QVERIFY(started.last().at(1).toLongLong() != pid);
        const std::size_t before = session.store()->pointCount(QStringLiteral("ph"));
        QTRY_COMPARE_WITH_TIMEOUT(session.instrumentState(controller), LinkState::Connected, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(session.instrumentState(session.instrumentNames().at(0)), LinkState::Connected,
                                  15000);
        QTRY_VERIFY_WITH_TIMEOUT(session.store()->pointCount(QStringLiteral("ph")) > before + 2, 15000);
        QSignalSpy stopped(&session, &ReactorSession::stopped);
        session.shutdown();
        QVERIFY(stopped.wait(10000));
    }
};

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
