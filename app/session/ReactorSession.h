#pragma once
// The composition root of a running station: instruments -> sample store, run recorder, feed controller.
// In demo mode it also runs the simulator as a child process and restarts it when it dies, pointing the links
// at wherever the new process listens. No widgets here: the UI and the CLI both drive a session.
#include "ChannelInfo.h"
#include "EventLoopLagProbe.h"
#include "LinkState.h"
#include "Reading.h"
#include "SimulatorProcess.h"
#include "StationConfig.h"

#include <QObject>
#include <QPointer>

class ControlSystem;
class FeedController;
class ModelPlanLink;
class PredictionCoordinator;
class RunRecorder;
class SampleStore;
class StationEditor;
class StationInstruments;

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
        // The station file; empty: the built-in demo station. A station whose ports name simulator faces
        // ("@sim:balance") starts the simulator and connects to wherever it announces them.
        QString stationFile;
    };

    explicit ReactorSession(const Options &options, QObject *parent = nullptr);
    ~ReactorSession() override;

    void start();
    // Stops recording and the simulator; emits stopped() once both are down (bounded by a timeout).
    void shutdown();
    // An operator's annotation on the run's timeline (an event and an audit row).
    void addNote(const QString &text);

    SampleStore *store() const { return m_store; }
    FeedController *feed() const { return m_feed; }
    ControlSystem *control() const { return m_control; }
    RunRecorder *recorder() const { return m_recorder; }
    EventLoopLagProbe *lagProbe() const { return m_lagProbe; }
    // The process models on the live readings (forecast, feed recommendation); runs from start() on.
    PredictionCoordinator *prediction() const { return m_prediction; }
    // Feeds the models' plans to the feed pump's model-plan mode; null when the station has no feed pump.
    ModelPlanLink *modelPlan() const { return m_modelPlan; }
    QList<ChannelInfo> channels() const;
    QStringList instrumentNames() const;
    LinkState instrumentState(const QString &name) const;
    Options options() const { return m_options; }
    const StationConfig &station() const { return m_station; }
    QStringList stationErrors() const { return m_stationErrors; } // each names file, JSON path, expectation
    StationInstruments *instruments() const { return m_instruments; }
    // Instrument edits and saving the station file, as the signed-in user (supervisors); audited in the run.
    StationEditor *stationEditor() const { return m_stationEditor; }
    Quality channelQuality(const QString &channel) const; // Uncertain after 3 silent polls, Bad after 5
    static QString defaultRunFile();

Q_SIGNALS:
    void instrumentStateChanged(const QString &instrument, LinkState state, const QString &lastError);
    void readingsArrived(const QList<Reading> &readings);
    void problem(const QString &message);
    void channelQualityChanged(const QString &channel, Quality quality);
    // Demo mode: where the simulator process listens and its process id (tests use these to inject faults).
    void simulatorStarted(const SimulatorEndpoints &endpoints, qint64 processId);
    // The simulator came back after it stopped: a new culture from time zero; the models were reset.
    void simulatorRestarted();
    void stopped();

private:
    void onSimulatorReady(const SimulatorEndpoints &endpoints);
    void onSimulatorExited();
    QStringList simulatorArguments() const;
    void onReadings(const QList<Reading> &readings);

    Options m_options;
    SampleStore *m_store;
    RunRecorder *m_recorder;
    FeedController *m_feed = nullptr;
    ControlSystem *m_control;
    EventLoopLagProbe *m_lagProbe;
    PredictionCoordinator *m_prediction;
    ModelPlanLink *m_modelPlan = nullptr;
    SimulatorProcess *m_simulator;
    StationConfig m_station;
    QStringList m_stationErrors;
    StationInstruments *m_instruments;
    StationEditor *m_stationEditor;
    bool m_simulatorRestarting = false; // it stopped; the next ready is a restart
    quint16 m_controllerPort = 0;
    quint16 m_modbusPort = 0;
    bool m_shuttingDown = false;
    bool m_stoppedEmitted = false;
};
