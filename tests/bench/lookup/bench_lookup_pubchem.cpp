// bench_lookup_pubchem: look-up times against the loopback PubChem stand-in with 200 ms latency that enforces
// 5 requests/s (503 beyond), at the production rate policy: 10 names cold, 100 names cold, 10 names warm
// (cache). In the same run, the asyncio + aiohttp pattern (semaphore 5, no limiter) does the same 10
// look-ups.
#include "EventLoopLagProbe.h"
#include "FakePubChemServer.h"
#include "PubChemClient.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

namespace {
const QStringList kTenNames{"ethanol", "water",  "methanol",    "acetone", "benzene",
                            "toluene", "hexane", "acetic acid", "ammonia", "glucose"};

struct Figure
{
    double ms = 0;
    int answered = 0;
    int requests = 0;
    int busy = 0;
    double maxLagMs = 0;
};

Figure timeBatch(FakePubChemServer &server, CompoundCache *cache, const QStringList &names)
{
    RateLimiter limiter; // production policy, fresh window per scenario
    PubChemClient::Config config;
    config.baseUrl = server.baseUrl();
    PubChemClient client(config, cache, &limiter);
    EventLoopLagProbe probe(nullptr, 5);
    const int requestsBefore = server.requestCount();
    const int busyBefore = server.busyRejections();
    QEventLoop loop;
    QElapsedTimer timer;
    timer.start();
    LookupBatch *batch = client.lookupNames(names);
    QObject::connect(batch, &LookupBatch::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Figure figure;
    figure.ms = timer.nsecsElapsed() / 1e6;
    for (int i = 0; i < batch->size(); ++i)
        figure.answered += batch->result(i).isAnswer() ? 1 : 0;
    figure.requests = server.requestCount() - requestsBefore;
    figure.busy = server.busyRejections() - busyBefore;
    figure.maxLagMs = probe.maxLagMsEver();
    return figure;
}

QJsonObject runAiohttp(FakePubChemServer &server, const QStringList &names, int *busyAtServer)
{
    const int busyBefore = server.busyRejections();
    QProcess python;
    QEventLoop loop;
    QObject::connect(&python, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&python, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    python.start(QStringLiteral("/usr/bin/python3"),
                 QStringList{QStringLiteral(RD_AIOHTTP_SCRIPT), server.baseUrl().toString()} + names);
    loop.exec(); // the server lives on this loop, so wait for the child without blocking it
    *busyAtServer = server.busyRejections() - busyBefore;
    const QJsonObject result = QJsonDocument::fromJson(python.readAllStandardOutput()).object();
    if (result.isEmpty())
        QTextStream(stderr) << "aiohttp script failed: " << python.readAllStandardError() << '\n';
    return result;
}

void waitMs(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    FakePubChemServer server(QStringLiteral(RD_PUBCHEM_FIXTURES));
    if (!server.listen()) {
        QTextStream(stderr) << "cannot listen on 127.0.0.1\n";
        return 1;
    }
    server.setLatencyMs(200);
    server.setEnforcedLimitPerSecond(5);
    QTemporaryDir dir;
    CompoundCache cache(dir.filePath(QStringLiteral("bench-cache.sqlite")));

    QStringList hundred;
    for (int i = 0; i < 100; ++i)
        hundred.append(QStringLiteral("compound-%1").arg(i));

    const auto print = [&out](const char *label, const Figure &f) {
        out << QStringLiteral("%1: %2 ms, %3 answered, %4 requests, %5 x 503, max event-loop lag %6 ms\n")
                   .arg(QLatin1String(label))
                   .arg(f.ms, 0, 'f', f.ms < 100 ? 2 : 0)
                   .arg(f.answered)
                   .arg(f.requests)
                   .arg(f.busy)
                   .arg(f.maxLagMs, 0, 'f', 2);
        out.flush();
    };
    out << "loopback server: 200 ms latency, enforces 5 requests/s; client at the production policy (5/s, "
           "400/min)\n";
    print("reactordesk 10 names cold", timeBatch(server, &cache, kTenNames));
    waitMs(1100);
    print("reactordesk 100 names cold", timeBatch(server, &cache, hundred));
    print("reactordesk 10 names warm", timeBatch(server, &cache, kTenNames));
    waitMs(1100);
    int busyAtServer = 0;
    const QJsonObject python = runAiohttp(server, kTenNames, &busyAtServer);
    out << QStringLiteral(
               "asyncio+aiohttp 10 names (semaphore 5, no limiter): %1 ms, %2 x 503 (server counted %3)\n")
               .arg(python.value(QStringLiteral("seconds")).toDouble() * 1000.0, 0, 'f', 0)
               .arg(python.value(QStringLiteral("busy503")).toInt())
               .arg(busyAtServer);
    return 0;
}
