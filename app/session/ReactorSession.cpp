#include "ReactorSession.h"

#include "ControlSystem.h"
#include "FeedController.h"
#include "ModelPlanLink.h"
#include "PredictionCoordinator.h"
#include "RunRecorder.h"
#include "SampleStore.h"
#include "StationEditor.h"
#include "StationInstruments.h"
#include "StationLoader.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QTimer>

Q_LOGGING_CATEGORY(lcSession, "reactordesk.session")

namespace {
constexpr int simulatorRestartDelayMs = 1000;
constexpr int shutdownTimeoutMs = 4000;

StationLoadResult loadStation(const ReactorSession::Options &options)
{
    return StationLoader::loadFile(options.stationFile.isEmpty() ? StationLoader::demoStationPath()
                                                                 : options.stationFile);
}
} // namespace

ReactorSession::ReactorSession(const Options &options, QObject *parent)
    : QObject(parent), m_options(options), m_store(new SampleStore(this)),
      m_recorder(new RunRecorder(
          options.runFile.isEmpty() ? defaultRunFile() : options.runFile,
          {{QStringLiteral("station"),
            options.stationFile.isEmpty() ? QStringLiteral("demo") : options.stationFile},
           {QStringLiteral("operator"), options.user},
           {QStringLiteral("software_version"), QStringLiteral(REACTORDESK_VERSION)},
           {QStringLiteral("started_utc"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}},
          this)),
      m_lagProbe(new EventLoopLagProbe(this)),
      m_simulator(new SimulatorProcess(options.simulatorProgram, {}, this))
{
    const StationLoadResult loaded = loadStation(options);
    m_station = loaded.station;
    m_stationErrors = loaded.errors;
    m_instruments = new StationInstruments(m_station, this);
    m_simulator->setArguments(simulatorArguments());
    m_control = new ControlSystem(m_recorder, ControlSystem::defaultUserStorePath(), this);
    m_control->setStationName(m_station.name);
    m_stationEditor = new StationEditor(
        m_instruments, [c = m_control] { return c->actor(); }, this);
    connect(m_stationEditor, &StationEditor::audited, this,
            [this](const AuditEntry &entry) { m_recorder->record(entry); });
    // Every actuator of the station goes through the control system (limits, audit, safe state on link loss).
    for (const InstrumentConfig &instrument : m_station.instruments)
        for (const ActuatorConfig &a : instrument.actuators) {
            ActuatorControl *control = m_control->addActuator(
                a.name, m_station.limitsOf(a),
                [this, name = a.name](double rate, std::function<void(bool, const QString &)> done) {
                    m_instruments->command(name, rate, done);
                },
                instrument.name);
            if (a.name == QLatin1String("feed_pump") || !m_feed)
                m_feed = control->feed();
        }
    connect(this, &ReactorSession::readingsArrived, m_control, &ControlSystem::onReadings);
    connect(this, &ReactorSession::instrumentStateChanged, m_control, &ControlSystem::onInstrumentState);
    // Alarms and interlocks come from the station file, the demo's as any lab's.
    m_control->installStationSafety(m_station.safety);
    // The demo's PID tunings (found around the simulator at its demo speed) prefill the Control panel.
    if (options.stationFile.isEmpty())
        m_control->installDemoPidDefaults();
    m_control->watchFeedByBalance(QStringLiteral("feed_pump"), QStringLiteral("balance"), {}, options.speed);
    m_prediction = new PredictionCoordinator(this, PredictionCoordinator::optionsFor(this), this);
    if (m_feed)
        m_modelPlan = new ModelPlanLink(m_prediction, m_control->actuators()->find(m_feed->actuatorName()),
                                        m_control->alarms(), m_control->clock(), this);
    connect(m_recorder, &RunRecorder::failed, this, &ReactorSession::problem);
    connect(m_recorder, &RunRecorder::backlog, this, [this](int depth) {
        Q_EMIT problem(tr("the run file cannot keep up: %1 records waiting").arg(depth));
    });
    connect(m_recorder, &RunRecorder::recovered, this, [this](const RunRecovery::Outcome &outcome) {
        if (outcome.recovered)
            Q_EMIT problem(tr("%1 was not closed cleanly; the gap is marked in that run").arg(outcome.path));
    });
    connect(m_instruments, &StationInstruments::readingsArrived, this, &ReactorSession::onReadings);
    connect(m_instruments, &StationInstruments::instrumentStateChanged, this,
            &ReactorSession::instrumentStateChanged);
    connect(m_instruments, &StationInstruments::channelQualityChanged, this,
            &ReactorSession::channelQualityChanged);
    connect(m_instruments, &StationInstruments::problem, this, &ReactorSession::problem);
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
    m_recorder->declareChannels(channels());
    if (m_options.runFile.isEmpty()) // the program's own runs folder: close out runs a crash left open
        m_recorder->recoverUnfinishedRuns(QFileInfo(m_recorder->path()).absolutePath());
    m_recorder->record(RunEvent{QDateTime::currentMSecsSinceEpoch(), QStringLiteral("run"),
                                tr("run started by %1").arg(m_options.user)});
    for (const QString &error : std::as_const(m_stationErrors))
        Q_EMIT problem(error);
    m_prediction->start();
    if (m_station.usesSimulator())
        m_simulator->start();
    else
        m_instruments->connectAll();
}

void ReactorSession::shutdown()
{
    if (m_shuttingDown)
        return;
    m_shuttingDown = true;
    qCInfo(lcSession, "worst event-loop lag this session: %.1f ms", m_lagProbe->maxLagMsEver());
    m_prediction->stop();
    m_instruments->closeAll();
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

void ReactorSession::addNote(const QString &text)
{
    m_recorder->addNote(text, m_options.user, m_options.role, QDateTime::currentMSecsSinceEpoch());
}

QList<ChannelInfo> ReactorSession::channels() const
{
    return m_instruments->station().channels(); // includes instruments added while running
}

QStringList ReactorSession::instrumentNames() const
{
    QStringList names;
    for (const InstrumentConfig &instrument : m_instruments->station().instruments)
        names.append(instrument.name);
    return names;
}

LinkState ReactorSession::instrumentState(const QString &name) const
{
    const InstrumentDriver *driver = m_instruments->driver(name);
    return driver ? driver->state() : LinkState::Disconnected;
}

Quality ReactorSession::channelQuality(const QString &channel) const
{
    return m_instruments->staleness()->quality(channel);
}

QStringList ReactorSession::simulatorArguments() const
{
    // Fixed TCP ports across restarts, so a restarted simulator is found where the old one was.
    return {QStringLiteral("--speed"),       QString::number(m_options.speed),
            QStringLiteral("--seed"),        QString::number(m_options.seed),
            QStringLiteral("--tcp-port"),    QString::number(m_controllerPort),
            QStringLiteral("--modbus-port"), QString::number(m_modbusPort)};
}

void ReactorSession::onSimulatorReady(const SimulatorEndpoints &endpoints)
{
    qCInfo(lcSession) << "simulator ready: sensors on" << endpoints.sensorPty << "controller on"
                      << endpoints.controllerPort;
    m_controllerPort = endpoints.controllerPort;
    m_modbusPort =
        quint16(endpoints.faces.value(QStringLiteral("modbus")).section(QLatin1Char(':'), -1).toUInt());
    m_simulator->setArguments(simulatorArguments());
    m_instruments->connectAll(endpoints.faces);
    Q_EMIT simulatorStarted(endpoints, m_simulator->processId());
    if (m_simulatorRestarting) {
        // The physics started over: the old culture's readings must not be mixed into the new one's model.
        m_simulatorRestarting = false;
        m_prediction->resetModels();
        m_recorder->record(RunEvent{QDateTime::currentMSecsSinceEpoch(), QStringLiteral("fault"),
                                    tr("simulator restarted: models reset")});
        Q_EMIT simulatorRestarted();
    }
}

void ReactorSession::onSimulatorExited()
{
    if (m_shuttingDown)
        return;
    m_simulatorRestarting = true;
    m_recorder->record(RunEvent{QDateTime::currentMSecsSinceEpoch(), QStringLiteral("fault"),
                                tr("the simulator stopped; restarting it")});
    Q_EMIT problem(tr("the simulated reactor stopped; restarting it"));
    QTimer::singleShot(simulatorRestartDelayMs, this, [this] {
        if (!m_shuttingDown)
            m_simulator->start();
    });
}

void ReactorSession::onReadings(const QList<Reading> &readings)
{
    for (const Reading &reading : readings)
        m_store->append(reading);
    m_recorder->record(readings);
    Q_EMIT readingsArrived(readings);
}
