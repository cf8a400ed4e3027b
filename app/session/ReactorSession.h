#pragma once
// The composition root of a running station: instruments -> sample store, run recorder, feed controller.
// In demo mode it also runs the simulator as a child process and restarts it when it dies, pointing the links
// at wherever the new process listens. No widgets here: the UI and the CLI both drive a session.
#include "ChannelInfo.h"
#include "EventLoopLagProbe.h"
#include "LinkState.h"
#include "Reading.h"
#include "SimulatorProcess.h"

#include <QObject>
#include <QPointer>

class FeedController;
class InstrumentLink;
class RunRecorder;
class SampleStore;
class ScpiInstrument;

class ReactorSession : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString simulatorProgram;
        double speed = 60.0;
        quint32 seed = 1;
        QString runFile;
        QString user = QStringLiteral("operator");
        QString role = QStringLiteral("Operator");
    };

    explicit ReactorSession(const Options &options, QObject *parent = nullptr);
    ~ReactorSession() override;

    void start();
    // Stops recording and the simulator; emits stopped() once both are down (bounded by a timeout).
    void shutdown();

    SampleStore *store() const { return m_store; }
    FeedController *feed() const { return m_feed; }
    RunRecorder *recorder() const { return m_recorder; }
    EventLoopLagProbe *lagProbe() const { return m_lagProbe; }
    QList<ChannelInfo> channels() const;
    QStringList instrumentNames() const;
    LinkState instrumentState(const QString &name) const;
    Options options() const { return m_options; }
    static QString defaultRunFile();

Q_SIGNALS:
    void instrumentStateChanged(const QString &instrument, LinkState state, const QString &lastError);
    void readingsArrived(const QList<Reading> &readings);
    void problem(const QString &message);
    // Demo mode: where the simulator process listens and its process id (tests use these to inject faults).
    void simulatorStarted(const SimulatorEndpoints &endpoints, qint64 processId);
    void stopped();

private:
    void onSimulatorReady(const SimulatorEndpoints &endpoints);
    void onSimulatorExited();
    ScpiInstrument *addInstrument(const QString &name, InstrumentLink *link,
                                  const QList<ChannelInfo> &channels);
    void onReadings(const QList<Reading> &readings);

    Options m_options;
    SampleStore *m_store;
    RunRecorder *m_recorder;
    FeedController *m_feed;
    EventLoopLagProbe *m_lagProbe;
    SimulatorProcess *m_simulator;
    ScpiInstrument *m_sensors = nullptr;
    ScpiInstrument *m_controller = nullptr;
    int m_simulatorRestarts = 0;
    quint16 m_controllerPort = 0;
    bool m_shuttingDown = false;
    bool m_stoppedEmitted = false;
};
