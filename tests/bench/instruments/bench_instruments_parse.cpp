// Prints the figures of docs/BENCHMARKS.md "## Instruments":
//  1. SCPI reply lines/s through LineFramer + ScpiReply::parse on one core (input fed in 4 KiB reads);
//  2. Modbus RTU frames/s through ModbusRtu::scanResponse + parseResponse + ArcMeasurement::decode;
//  3. event-loop lag while 16 SCPI instruments poll the real simulator at 10 Hz each for --seconds.
#include "ArcMeasurement.h"
#include "EventLoopLagProbe.h"
#include "LineFramer.h"
#include "ModbusRtu.h"
#include "ScpiInstrument.h"
#include "ScpiReply.h"
#include "SimulatorProcess.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

namespace {
void benchScpi()
{
    const QByteArray lines[] = {"7.0123\n", "ph=7.012,do=85.2,temperature=37.01\n", "OK\n",
                                "ERR -113,\"Undefined header\"\n", "1034.5\n"};
    QByteArray stream;
    const int repeats = 400000;
    for (int i = 0; i < repeats; ++i)
        stream += lines[i % 5];
    LineFramer framer;
    qint64 parsed = 0, fields = 0;
    QElapsedTimer clock;
    clock.start();
    for (qsizetype offset = 0; offset < stream.size(); offset += 4096)
        for (const QByteArray &line : framer.feed(stream.mid(offset, 4096))) {
            const ScpiReply reply = ScpiReply::parse(line);
            fields += reply.fields.size();
            ++parsed;
        }
    const double seconds = clock.nsecsElapsed() / 1e9;
    std::printf("scpi: %lld reply lines (%lld fields) in %.3f s = %.0f lines/s\n", qlonglong(parsed),
                qlonglong(fields), seconds, parsed / seconds);
}

void benchModbusRtu()
{
    ArcMeasurement m;
    m.unitBits = ArcMeasurement::PH;
    m.maximum = 14.0;
    QByteArray stream;
    const int frames = 400000;
    for (int i = 0; i < frames; ++i) {
        m.value = 6.5 + (i % 100) * 0.01;
        QByteArray frame("\x01\x03\x14", 3);
        for (quint16 word : m.encode()) {
            frame.append(char(word >> 8));
            frame.append(char(word & 0xff));
        }
        stream += ModbusRtu::withCrc(frame);
    }
    QByteArray buffer;
    qint64 decoded = 0;
    double sum = 0;
    QElapsedTimer clock;
    clock.start();
    for (qsizetype offset = 0; offset < stream.size(); offset += 4096) {
        buffer.append(stream.mid(offset, 4096));
        qsizetype start = 0;
        for (;;) {
            const ReplyScan scan = ModbusRtu::scanResponse(buffer.mid(start, 64), 1, 3, 10);
            if (scan.kind == ReplyScan::Kind::NeedMore)
                break;
            if (scan.kind == ReplyScan::Kind::Skip) {
                start += scan.length;
                continue;
            }
            const ModbusRtu::Response r = ModbusRtu::parseResponse(buffer.mid(start, scan.length), 3, 10);
            ArcMeasurement out;
            if (ArcMeasurement::decode(r.registers, &out)) {
                sum += out.value;
                ++decoded;
            }
            start += scan.length;
        }
        buffer.remove(0, start);
    }
    const double seconds = clock.nsecsElapsed() / 1e9;
    std::printf("modbus rtu: %lld frames in %.3f s = %.0f frames/s (checksum %.1f)\n", qlonglong(decoded),
                seconds, decoded / seconds, sum);
}

int benchPollingLag(const QString &simulator, int seconds)
{
    SimulatorProcess sim(simulator, {QStringLiteral("--speed"), QStringLiteral("60")});
    EventLoopLagProbe lag;
    std::vector<std::unique_ptr<ScpiInstrument>> instruments;
    qint64 readings = 0;
    QObject::connect(&sim, &SimulatorProcess::failed, qApp, [](const QString &why) {
        std::fprintf(stderr, "%s\n", qPrintable(why));
        QCoreApplication::exit(1);
    });
    QObject::connect(&sim, &SimulatorProcess::ready, qApp, [&](const SimulatorEndpoints &endpoints) {
        const QList<ChannelInfo> channels = {{QStringLiteral("glucose"), QStringLiteral("g/L"), {}, 0, 100},
                                             {QStringLiteral("volume"), QStringLiteral("mL"), {}, 0, 5000},
                                             {QStringLiteral("od"), QStringLiteral("OD600"), {}, 0, 200}};
        for (int i = 0; i < 16; ++i) {
            instruments.push_back(std::make_unique<ScpiInstrument>(
                QStringLiteral("i%1").arg(i),
                LinkEndpoint::tcp(endpoints.controllerHost, endpoints.controllerPort), channels, 100, 1000));
            QObject::connect(instruments.back().get(), &InstrumentDriver::readingsReceived, qApp,
                             [&](const QList<Reading> &list) { readings += list.size(); });
            instruments.back()->open();
        }
        QTimer::singleShot(1000, qApp, [&] {
            lag.resetMaximum();
            readings = 0;
        });
        QTimer::singleShot(1000 + seconds * 1000, qApp, [&] { QCoreApplication::exit(0); });
    });
    sim.start();
    const int rc = QCoreApplication::exec();
    std::printf(
        "event loop: 16 instruments x 10 Hz (3 channels each) for %d s: %lld readings (%.0f/s of 480/s "
        "scheduled), max lag %.2f ms\n",
        seconds, qlonglong(readings), readings / double(seconds), lag.maxLagMsEver());
    for (auto &instrument : instruments)
        instrument->close();
    sim.stop();
    QElapsedTimer grace;
    grace.start();
    while (sim.isRunning() && grace.elapsed() < 5000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
    return rc;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption simulator(
        QStringLiteral("simulator"), QStringLiteral("reactordesk-sim path"), QStringLiteral("PATH"),
        QCoreApplication::applicationDirPath() + QStringLiteral("/reactordesk-sim"));
    const QCommandLineOption seconds(QStringLiteral("seconds"), QStringLiteral("lag run length"),
                                     QStringLiteral("S"), QStringLiteral("10"));
    parser.addOptions({simulator, seconds});
    parser.process(app);
    benchScpi();
    benchModbusRtu();
    return benchPollingLag(parser.value(simulator), parser.value(seconds).toInt());
}
