#pragma once
// Runs reactordesk-sim as a child process and reports where it listens (its one JSON line on stdout).
// Restarts are the caller's decision; stop() asks politely with SIGTERM and kills after a grace period.
#include <QHash>
#include <QObject>
#include <QProcess>
#include <QTimer>

struct SimulatorEndpoints
{
    QString sensorPty;
    QString controllerHost;
    quint16 controllerPort = 0;
    // Every face by name ("balance", "pump", "arc_ph", ...): a pty path or host:port.
    QHash<QString, QString> faces;
};

Q_DECLARE_METATYPE(SimulatorEndpoints)

class SimulatorProcess : public QObject
{
    Q_OBJECT
public:
    SimulatorProcess(QString program, QStringList arguments, QObject *parent = nullptr);
    ~SimulatorProcess() override;

    void start();
    void stop();
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    qint64 processId() const { return m_process.processId(); }
    void setArguments(const QStringList &arguments) { m_arguments = arguments; }

    // Parses the simulator's announcement; returns an error text, empty on success.
    static QString parseAnnouncement(const QByteArray &line, SimulatorEndpoints *endpoints);

Q_SIGNALS:
    void ready(const SimulatorEndpoints &endpoints);
    void failed(const QString &message);
    void exited(int exitCode);

private:
    void onStdout();

    QString m_program;
    QStringList m_arguments;
    QProcess m_process;
    QTimer m_readyTimeout;
    QTimer m_killTimer;
    QByteArray m_stdout;
    bool m_announced = false;
};
