// reactordesk-cli probe against the simulator process: SCPI fields and Modbus registers carry no unit on the
// wire, so the probe prints the unit of the station's channel of that name; --instrument takes a station
// instrument's driver and register map; an unknown instrument is a clear error naming the station's ones.
#include "SimulatorProcess.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTest>

class TestProbeStationUnits : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        m_sim = std::make_unique<SimulatorProcess>(QStringLiteral(RD_SIM_PATH), QStringList{"--speed", "60"});
        QSignalSpy ready(m_sim.get(), &SimulatorProcess::ready);
        m_sim->start();
        QVERIFY(ready.wait(15000));
        m_faces = ready.at(0).at(0).value<SimulatorEndpoints>().faces;
    }
    void cleanupTestCase() { m_sim->stop(); }

    void unitsFromTheStation_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("face");
        QTest::addColumn<QStringList>("expected"); // "<channel> <unit>" pairs that must appear
        QTest::newRow("scpi fields") << QStringList{"--driver", "scpi"} << "controller"
                                     << QStringList{"od OD600", "glucose g/L"};
        QTest::newRow("modbus instrument") << QStringList{"--instrument", "Vessel PLC (Modbus TCP)"}
                                           << "modbus" << QStringList{"volume mL", "base_rate mL/h"};
        QTest::newRow("raw modbus registers")
            << QStringList{"--driver", "modbus-tcp"} << "modbus" << QStringList{"hr0 -"};
    }
    void unitsFromTheStation()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, face);
        QFETCH(QStringList, expected);
        QProcess cli;
        cli.start(QStringLiteral(RD_CLI_PATH),
                  QStringList{"probe", "--port", m_faces.value(face), "--timeout-ms", "1000"} + arguments);
        QVERIFY(QTest::qWaitFor([&] { return cli.state() == QProcess::NotRunning; }, 20000));
        const QByteArray err = cli.readAllStandardError();
        QVERIFY2(cli.exitCode() == 0, err.constData());
        QHash<QString, QString> units;
        for (const QByteArray &line : cli.readAllStandardOutput().trimmed().split('\n')) {
            const QList<QByteArray> fields = line.split(' ');
            QCOMPARE(fields.size(), 4);
            units.insert(QString::fromUtf8(fields.at(0)), QString::fromUtf8(fields.at(2)));
        }
        for (const QString &pair : expected) {
            const QStringList parts = pair.split(QLatin1Char(' '));
            QCOMPARE(units.value(parts.at(0)), parts.at(1));
        }
    }

    void unknownInstrumentIsNamed()
    {
        QProcess cli;
        cli.start(QStringLiteral(RD_CLI_PATH), {"probe", "--instrument", "nope", "--port", "127.0.0.1:1"});
        QVERIFY(QTest::qWaitFor([&] { return cli.state() == QProcess::NotRunning; }, 20000));
        QCOMPARE(cli.exitCode(), 2);
        const QByteArray err = cli.readAllStandardError();
        QVERIFY(err.contains("no instrument 'nope'"));
        QVERIFY(err.contains("Vessel PLC (Modbus TCP)"));
    }

private:
    std::unique_ptr<SimulatorProcess> m_sim;
    QHash<QString, QString> m_faces;
};

QTEST_GUILESS_MAIN(TestProbeStationUnits)
#include "tst_probe_station_units.moc"
