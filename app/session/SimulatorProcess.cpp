#include "SimulatorProcess.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace {
constexpr int readyTimeoutMs = 10000;
constexpr int killGraceMs = 3000;
} // namespace

SimulatorProcess::SimulatorProcess(QString program, QStringList arguments, QObject *parent)
    : QObject(parent), m_program(std::move(program)), m_arguments(std::move(arguments))
{
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &SimulatorProcess::onStdout);
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            Q_EMIT failed(tr("cannot start the simulator %1: %2").arg(m_program, m_process.errorString()));
    });
    connect(&m_process, &QProcess::finished, this, [this](int exitCode) {
        m_readyTimeout.stop();
        m_killTimer.stop();
        Q_EMIT exited(exitCode);
    });
    m_readyTimeout.setSingleShot(true);
    connect(&m_readyTimeout, &QTimer::timeout, this, [this] {
        Q_EMIT failed(
            tr("the simulator did not say where it listens within %1 s").arg(readyTimeoutMs / 1000));
        m_process.kill();
    });
    m_killTimer.setSingleShot(true);
    connect(&m_killTimer, &QTimer::timeout, &m_process, &QProcess::kill);
}

SimulatorProcess::~SimulatorProcess()
{
    // Normally stop() ran and the process is gone. If not (an abrupt exit), do not leave an orphan behind.
    m_process.disconnect(this);
    if (m_process.state() != QProcess::NotRunning)
        m_process.kill();
}

void SimulatorProcess::start()
{
    m_stdout.clear();
    m_announced = false;
    m_process.start(m_program, m_arguments);
    m_readyTimeout.start(readyTimeoutMs);
}

void SimulatorProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    m_killTimer.start(killGraceMs);
}

void SimulatorProcess::onStdout()
{
    m_stdout += m_process.readAllStandardOutput();
    if (m_announced)
        return;
    const qsizetype newline = m_stdout.indexOf('\n');
    if (newline < 0)
        return;
    m_announced = true;
    m_readyTimeout.stop();
    SimulatorEndpoints endpoints;
    const QString error = parseAnnouncement(m_stdout.left(newline), &endpoints);
    if (!error.isEmpty()) {
        Q_EMIT failed(error);
        return;
    }
    Q_EMIT ready(endpoints);
}

QString SimulatorProcess::parseAnnouncement(const QByteArray &line, SimulatorEndpoints *endpoints)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
    if (!document.isObject())
        return tr("the simulator's announcement is not JSON: %1").arg(parseError.errorString());
    const QJsonObject root = document.object();
    endpoints->sensorPty =
        root.value(QStringLiteral("sensors")).toObject().value(QStringLiteral("pty")).toString();
    const QJsonObject controller = root.value(QStringLiteral("controller")).toObject();
    endpoints->controllerHost = controller.value(QStringLiteral("host")).toString();
    const int port = controller.value(QStringLiteral("port")).toInt(-1);
    if (endpoints->sensorPty.isEmpty())
        return tr("the simulator's announcement lacks sensors.pty");
    if (endpoints->controllerHost.isEmpty() || port <= 0 || port > 65535)
        return tr("the simulator's announcement lacks a valid controller.host/controller.port");
    endpoints->controllerPort = quint16(port);
    const QJsonObject faces = root.value(QStringLiteral("faces")).toObject();
    for (auto it = faces.begin(); it != faces.end(); ++it) {
        const QJsonObject face = it.value().toObject();
        endpoints->faces.insert(it.key(), face.contains(QStringLiteral("pty"))
                                              ? face.value(QStringLiteral("pty")).toString()
                                              : QStringLiteral("%1:%2")
                                                    .arg(face.value(QStringLiteral("host")).toString())
                                                    .arg(face.value(QStringLiteral("port")).toInt()));
    }
    return {};
}
