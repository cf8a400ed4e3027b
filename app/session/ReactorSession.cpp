#include "ReactorSession.h"

#include "DemoStation.h"
#include "FeedController.h"
#include "InstrumentLink.h"
#include "RunRecorder.h"
#include "SampleStore.h"
#include "ScpiInstrument.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QTimer>

Q_LOGGING_CATEGORY(lcSession, "reactordesk.session")

namespace {
constexpr int simulatorRestartDelayMs = 1000;
constexpr int shutdownTimeoutMs = 4000;

QStringList simulatorArguments(const ReactorSession::Options &options, quint16 port)
{
    return {QStringLiteral("--speed"),     QString::number(options.speed), QStringLiteral("--seed"),
            QString::number(options.seed), QStringLiteral("--tcp-port"),   QString::number(port)};
}
} // namespace

ReactorSession::ReactorSession(const Options &options, QObject *parent)
    : QObject(parent), m_options(options), m_store(new SampleStore(this)),
      m_recorder(new RunRecorder(
          options.runFile.isEmpty() ? defaultRunFile() : options.runFile,
          {{QStringLiteral("station"), QStringLiteral("demo")},
           {QStringLiteral("operator"), options.user},
           {QStringLiteral("software_version"), QStringLiteral(REACTORDESK_VERSION)},
           {QStringLiteral("started_utc"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}},
          this)),
      m_lagProbe(new EventLoopLagProbe(this)),
      m_simulator(new SimulatorProcess(options.simulatorProgram, simulatorArguments(options, 0), this))
{
    m_feed = new FeedController(
        QStringLiteral("feed_pump"), DemoStation::feedPumpLimits(),
        [this](double rate, std::function<void(bool, const QString &)> done) {
            if (!m_controller) {
                done(false, tr("the feed pump is not connected"));
                return;
            }
            m_controller->request("PUMP:FEED:RATE " + QByteArray::number(rate, 'g', 10),
                                  [done](const ScpiReply &reply, bool timedOut) {
                                      if (timedOut)
                                          done(false, tr("the feed pump did not answer"));
                                      else if (reply.kind != ScpiReply::Kind::Ok)
                                          done(false, reply.text);
                                      else
                                          done(true, {});
                                  });
        },
        this);
    connect(m_feed, &FeedController::audited, m_recorder,
            qOverload<const AuditEntry &>(&RunRecorder::record));
    connect(m_recorder, &RunRecorder::failed, this, &ReactorSession::problem);
    connect(m_recorder, &RunRecorder::backlog, this, [this](int depth) {
        Q_EMIT problem(tr("the run file cannot keep up: %1 records waiting").arg(depth));
    });
    connect(m_simulator, &SimulatorProcess::ready, this, &ReactorSession::onSimulatorReady);
    connect(m_simulator, &SimulatorProcess::failed, this, &ReactorSession::problem);
    connect(m_simulator, &SimulatorProcess::exited, this, &ReactorSession::onSimulatorExited);
}

ReactorSession::~ReactorSession() = default;

QString ReactorSession::defaultRunFile()
{
    const QString folder =
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/runs");
    QDir().mkpath(folder);
    return folder + QStringLiteral("/run-") +
           QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")) +
           QStringLiteral(".rdrun");
}

void ReactorSession::start()
{
    m_recorder->start();
    m_recorder->record(RunEvent{QDateTime::currentMSecsSinceEpoch(), QStringLiteral("run"),
                                tr("run started by %1").arg(m_options.user)});
    m_simulator->start();
}

void ReactorSession::shutdown()
{
    if (m_shuttingDown)
        return;
    m_shuttingDown = true;
    if (m_sensors)
        m_sensors->link()->close();
    if (m_controller)
        m_controller->link()->close();
    m_recorder->record(
        RunEvent{QDateTime::currentMSecsSinceEpoch(), QStringLiteral("run"), tr("run stopped")});
    m_recorder->stop();
    auto finish = [this] {
        if (!m_stoppedEmitted) {
            m_stoppedEmitted = true;
            Q_EMIT stopped();
        }
    };
    if (!m_simulator->isRunning()) {
        QTimer::singleShot(0, this, finish);
        return;
    }
    connect(m_simulator, &SimulatorProcess::exited, this, finish);
    QTimer::singleShot(shutdownTimeoutMs, this, finish);
    m_simulator->stop();
}

QList<ChannelInfo> ReactorSession::channels() const
{
    return DemoStation::sensorChannels() + DemoStation::controllerChannels();
}

QStringList ReactorSession::instrumentNames() const
{
    return {tr("Sensor hub (serial)"), tr("Controller (TCP)")};
}

LinkState ReactorSession::instrumentState(const QString &name) const
{
    for (ScpiInstrument *instrument : {m_sensors, m_controller})
        if (instrument && instrument->name() == name)
            return instrument->link()->state();
    return LinkState::Disconnected;
}

void ReactorSession::onSimulatorReady(const SimulatorEndpoints &endpoints)
{
    qCInfo(lcSession) << "simulator ready: sensors on" << endpoints.sensorPty << "controller on"
                      << endpoints.controllerPort;
    // Keep the same TCP port across restarts so a restarted simulator is found where the old one was.
    m_controllerPort = endpoints.controllerPort;
    m_simulator->setArguments(simulatorArguments(m_options, m_controllerPort));
    const LinkEndpoint sensorEndpoint = LinkEndpoint::serial(endpoints.sensorPty, 115200);
    const LinkEndpoint controllerEndpoint =
        LinkEndpoint::tcp(endpoints.controllerHost, endpoints.controllerPort);
    if (!m_sensors) {
        m_sensors = addInstrument(instrumentNames().at(0), new InstrumentLink(sensorEndpoint, this),
                                  DemoStation::sensorChannels());
        m_controller = addInstrument(instrumentNames().at(1), new InstrumentLink(controllerEndpoint, this),
                                     DemoStation::controllerChannels());
    } else {
        m_sensors->link()->setEndpoint(sensorEndpoint);
        m_controller->link()->setEndpoint(controllerEndpoint);
    }
    for (ScpiInstrument *instrument : {m_sensors, m_controller})
        instrument->link()->reconnectNow();
    Q_EMIT simulatorStarted(endpoints, m_simulator->processId());
}

void ReactorSession::onSimulatorExited()
{
    if (m_shuttingDown)
        return;
    ++m_simulatorRestarts;
    m_recorder->record(RunEvent{QDateTime::currentMSecsSinceEpoch(), QStringLiteral("fault"),
                                tr("the simulator stopped; restarting it")});
    Q_EMIT problem(tr("the simulated reactor stopped; restarting it"));
    QTimer::singleShot(simulatorRestartDelayMs, this, [this] {
        if (!m_shuttingDown)
            m_simulator->start();
    });
}

ScpiInstrument *ReactorSession::addInstrument(const QString &name, InstrumentLink *link,
                                              const QList<ChannelInfo> &channels)
{
    auto *instrument = new ScpiInstrument(name, link, channels, DemoStation::pollPeriodMs,
                                          DemoStation::requestTimeoutMs, this);
    connect(instrument, &ScpiInstrument::readingsReceived, this, &ReactorSession::onReadings);
    connect(link, &InstrumentLink::stateChanged, this, [this, name, link](LinkState state) {
        Q_EMIT instrumentStateChanged(name, state, link->lastError());
    });
    connect(instrument, &ScpiInstrument::replyProblem, this,
            [](const QString &message) { qCWarning(lcSession) << message; });
    return instrument;
}

void ReactorSession::onReadings(const QList<Reading> &readings)
{
    for (const Reading &reading : readings)
        m_store->append(reading);
    m_recorder->record(readings);
    Q_EMIT readingsArrived(readings);
}
