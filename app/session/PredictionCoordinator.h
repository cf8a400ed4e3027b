#pragma once
// Runs the process models live on a session's readings. Every periodMs (wall clock) it takes a snapshot of
// the SampleStore (binned od -> X, glucose -> S, volume -> V, Bad readings left out; the feed_rate channel as
// the applied feed), submits it to a PredictionService (latest wins, off the GUI thread) and turns the answer
// into forecast curves in the channels' own units and wall-clock times, and a feed recommendation the
// operator can apply. Applying goes through the session's FeedController exactly like a manual change
// (permission, hard limits, audit). The demo's simulator runs `speed` process hours per wall hour; the model
// works in process hours and the curves come back in wall time. No widget headers here.
#include "Actor.h"
#include "RecommendedFeed.h"

#include <QObject>
#include <QString>
#include <QTimer>
#include <QVector>

#include <memory>
#include <optional>

class PredictionService;
class ReactorSession;
struct FeedOptimizationResult;
struct ModelParameters;
struct PredictionResult;
struct PredictionSnapshot;

// One modelled channel's forecast: mean and standard deviation in the channel's unit at UTC seconds.
struct ForecastCurve
{
    QString channel;
    QVector<double> timesSec;
    QVector<double> mean;
    QVector<double> sd;
};

class PredictionCoordinator : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int periodMs = 10000;
        QString parameterFile = QStringLiteral(":/models/demo-fedbatch.json");
        double processHoursPerWallHour = 1.0; // the simulator's speed; 1 on a real plant
        double binProcessSeconds = 300.0;     // measurements are averaged over bins this long
        double forecastHours = 12.0;
        double forecastStepHours = 0.25;
        double recommendationHours = 12.0; // the optimiser's rolling horizon from now
        int recommendationIntervals = 6;
        double maxVolumeLitres = 1.7; // below the demo's volume alarm (1.8 L) and overflow interlock (2 L)
        QString feedChannel = QStringLiteral("feed_rate");
    };

    // Options for a session: the demo's speed when it runs the simulator.
    static Options optionsFor(const ReactorSession *session);

    PredictionCoordinator(ReactorSession *session, const Options &options, QObject *parent = nullptr);
    ~PredictionCoordinator() override;

    void start();
    void stop();
    void setPeriodMs(int periodMs) { m_timer.setInterval(periodMs); }
    bool isRunning() const { return m_timer.isActive(); }
    // Takes a snapshot and submits it now (the timer calls this). Returns false with lastError() set when
    // there is nothing to model yet or the parameter file is unusable.
    bool submitNow();
    // A run whose snapshot is taken from now on: at once when idle, else as soon as the running one ends.
    // Nothing while stopped.
    void requestFreshRun();
    // A new culture (the demo's simulator restarted, its physics from the start): time zero is now, the
    // recommendation and forecast are cleared (the overlay gets empty curves), a run already under way is
    // dropped, and the next snapshot holds only readings from now on. Emits modelsReset().
    void resetModels();

    // The feed's substrate concentration (g/L) the model uses from the next snapshot on, e.g. from the medium
    // calculator. Returns an error text (not a positive number, or no usable parameter file); empty when set.
    QString setFeedSubstrateConcentration(double gramsPerLitre);
    double feedSubstrateConcentration() const;

    // Applies the last recommendation's first rate through the FeedController as the given user. Returns an
    // error text, empty when the command was accepted.
    QString applyRecommendation(const Actor &actor);

    bool hasRecommendation() const { return m_recommendedRate.has_value(); }
    double recommendedRateMlPerH() const { return m_recommendedRate.value_or(0.0); }
    QString lastError() const { return m_lastError; }
    const QVector<ForecastCurve> &lastForecast() const { return m_lastForecast; }
    int completedCount() const { return m_completed; }
    bool isBusy() const;
    // Time zero of the culture being modelled (UTC seconds; 0 while unknown): when the simulator (re)started,
    // else the first reading of a modelled channel.
    double runStartSec() const;

Q_SIGNALS:
    void forecastReady(const QVector<ForecastCurve> &curves);
    // text: the operator's card; rateMlPerH holds for forHours (process hours).
    void recommendationReady(const QString &text, double rateMlPerH, double forHours);
    // The same recommendation as the whole profile in wall time, for the model-plan control mode.
    void feedProfileReady(const RecommendedFeed &feed);
    void busyChanged(bool busy);
    void failed(const QString &error);
    void modelsReset();

private:
    std::optional<PredictionSnapshot> takeSnapshot();
    void onResult(const PredictionResult &result);
    RecommendedFeed toWallTime(const FeedOptimizationResult &optimum) const;
    double toProcessHours(double wallSec, double runStart) const;

    ReactorSession *m_session;
    Options m_options;
    PredictionService *m_service;
    std::unique_ptr<ModelParameters> m_parameters;
    QTimer m_timer;
    double m_simulatorStartSec = 0.0; // wall time the demo's process time began (0: unknown)
    double m_snapshotRunStart = 0.0;  // the run start the submitted snapshot used
    double m_snapshotTakenSec = 0.0;  // when the submitted snapshot was taken
    std::optional<double> m_recommendedRate;
    QString m_recommendationText;
    QString m_lastError;
    QVector<ForecastCurve> m_lastForecast;
    int m_completed = 0;
    bool m_submitWhenIdle = false;
};
