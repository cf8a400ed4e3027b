#include "PredictionCoordinator.h"

#include "ControlSystem.h"

#include "ActuatorBank.h"

#include "FeedController.h"
#include "FeedRecommendationText.h"
#include "MeasurementBinning.h"
#include "ModelParameters.h"
#include "PredictionService.h"
#include "ProcessModel.h"
#include "ReactorSession.h"
#include "SampleStore.h"
#include "StationConfig.h"

#include <QDateTime>
#include <QFileInfo>
#include <QLoggingCategory>

#include <cmath>

Q_LOGGING_CATEGORY(lcPrediction, "reactordesk.session.prediction")

namespace {
// The demo's channels and how they map onto the model's states (model value = factor * reading).
struct ModelledChannel
{
    const char *channel;
    MeasuredQuantity quantity;
    int state;     // index into the model's state vector
    double factor; // model unit per channel unit
};
constexpr double odPerBiomass = 2.5; // OD600 per g/L biomass (the simulator's calibration)
const ModelledChannel modelledChannels[] = {
    {"od", MeasuredQuantity::X, StateX, 1.0 / odPerBiomass},
    {"glucose", MeasuredQuantity::S, StateS, 1.0},
    {"volume", MeasuredQuantity::V, StateV, 0.001}, // mL -> L
};
constexpr double litresPerMl = 0.001;
} // namespace

PredictionCoordinator::Options PredictionCoordinator::optionsFor(const ReactorSession *session)
{
    Options options;
    if (session->station().usesSimulator())
        options.processHoursPerWallHour = session->options().speed;
    return options;
}

PredictionCoordinator::PredictionCoordinator(ReactorSession *session, const Options &options, QObject *parent)
    : QObject(parent), m_session(session), m_options(options), m_service(new PredictionService(this))
{
    m_timer.setInterval(options.periodMs);
    // A tick while a computation runs does not cancel it (a slow optimisation would never finish): the
    // snapshot is taken as soon as the service is idle again, so it is fresh when it starts.
    connect(&m_timer, &QTimer::timeout, this, &PredictionCoordinator::requestFreshRun);
    connect(m_service, &PredictionService::resultReady, this, &PredictionCoordinator::onResult);
    connect(m_service, &PredictionService::failed, this, [this](quint64, const QString &error) {
        m_lastError = error;
        qCWarning(lcPrediction) << "prediction failed:" << error;
        Q_EMIT failed(error);
    });
    connect(m_service, &PredictionService::busyChanged, this, &PredictionCoordinator::busyChanged);
    connect(m_service, &PredictionService::busyChanged, this, [this](bool busy) {
        if (!busy && m_submitWhenIdle && m_timer.isActive()) {
            m_submitWhenIdle = false;
            QTimer::singleShot(0, this, &PredictionCoordinator::submitNow);
        }
    });
    // Process time starts when the simulator does; its first readings come a moment later.
    connect(session, &ReactorSession::simulatorStarted, this, [this] {
        if (m_simulatorStartSec == 0.0)
            m_simulatorStartSec = QDateTime::currentMSecsSinceEpoch() / 1000.0;
    });
    const ModelParametersResult loaded = loadModelParameters(options.parameterFile);
    if (loaded.parameters)
        m_parameters = std::make_unique<ModelParameters>(*loaded.parameters);
    else
        m_lastError = loaded.error;
}

PredictionCoordinator::~PredictionCoordinator() = default;

void PredictionCoordinator::start()
{
    m_timer.start();
}

void PredictionCoordinator::stop()
{
    m_timer.stop();
    m_submitWhenIdle = false;
    m_service->cancelAll();
}

bool PredictionCoordinator::isBusy() const
{
    return m_service->isBusy();
}

double PredictionCoordinator::runStartSec() const
{
    if (m_simulatorStartSec > 0.0)
        return m_simulatorStartSec;
    // A real plant (or a session started before we were): the first reading of a modelled channel.
    double earliest = 0.0;
    for (const ModelledChannel &c : modelledChannels) {
        double first = 0.0, last = 0.0;
        if (m_session->store()->timeSpan(QLatin1String(c.channel), &first, &last) &&
            (earliest == 0.0 || first < earliest))
            earliest = first;
    }
    return earliest;
}

QString PredictionCoordinator::setFeedSubstrateConcentration(double gramsPerLitre)
{
    if (!m_parameters)
        return m_lastError;
    if (!std::isfinite(gramsPerLitre) || gramsPerLitre <= 0.0)
        return tr("the feed's substrate concentration must be a positive number of g/L, not %1")
            .arg(gramsPerLitre);
    m_parameters->feed.sIn = gramsPerLitre;
    return {};
}

double PredictionCoordinator::feedSubstrateConcentration() const
{
    return m_parameters ? m_parameters->feed.sIn : 0.0;
}

double PredictionCoordinator::toProcessHours(double wallSec, double runStart) const
{
    return (wallSec - runStart) / 3600.0 * m_options.processHoursPerWallHour;
}

std::optional<PredictionSnapshot> PredictionCoordinator::takeSnapshot()
{
    if (!m_parameters)
        return std::nullopt; // m_lastError names the file and field
    const double runStart = runStartSec();
    if (runStart == 0.0) {
        m_lastError = tr("no readings of the modelled channels yet");
        return std::nullopt;
    }
    const double scale = m_options.processHoursPerWallHour;
    std::vector<ChannelMapping> mappings;
    for (const ModelledChannel &c : modelledChannels)
        mappings.push_back({QLatin1String(c.channel), c.quantity, c.factor});
    PredictionSnapshot snapshot;
    snapshot.parameters = *m_parameters;
    snapshot.measurements =
        measurementsFromStore(*m_session->store(), mappings, runStart, m_options.binProcessSeconds / scale);
    if (snapshot.measurements.rows.empty()) {
        m_lastError = tr("no readings of the modelled channels yet");
        return std::nullopt;
    }
    for (MeasurementRow &row : snapshot.measurements.rows)
        row.tHours *= scale; // wall hours since the start -> process hours

    // The feed actually applied, as the pump reports it: a piecewise profile with a step at every change.
    FeedSettings &feed = snapshot.parameters.feed;
    feed.type = FeedProfileType::Piecewise;
    feed.times.clear();
    feed.rates.clear();
    for (const SeriesPoint &point : m_session->store()->series(m_options.feedChannel)) {
        const double t = toProcessHours(point.timeSec, runStart);
        const double rate = point.value * litresPerMl;
        if (point.quality == Quality::Bad || !std::isfinite(rate) || t < 0.0 ||
            (!feed.rates.empty() && (rate == feed.rates.back() || t <= feed.times.back())))
            continue;
        feed.times.push_back(t);
        feed.rates.push_back(rate);
    }
    if (feed.times.empty()) {
        feed.type = FeedProfileType::Constant;
        feed.F = 0.0;
    }

    const double nowSec = QDateTime::currentMSecsSinceEpoch() / 1000.0;
    snapshot.nowHours = std::max(toProcessHours(nowSec, runStart), snapshot.measurements.rows.back().tHours);
    snapshot.forecastHours = m_options.forecastHours;
    snapshot.forecastStepHours = m_options.forecastStepHours;

    FeedOptimizationProblem problem;
    problem.tEnd = snapshot.nowHours + m_options.recommendationHours;
    problem.intervals = m_options.recommendationIntervals;
    problem.objective = FeedObjective::Product;
    const FeedController *controller = m_session->feed();
    problem.feedMin = controller ? std::max(0.0, controller->limits().minimum * litresPerMl) : 0.0;
    problem.feedMax = controller ? controller->limits().maximum * litresPerMl : 0.0;
    problem.vMax = m_options.maxVolumeLitres;
    if (problem.feedMax > problem.feedMin)
        snapshot.recommendation = problem;
    m_snapshotRunStart = runStart;
    m_snapshotTakenSec = nowSec;
    return snapshot;
}

bool PredictionCoordinator::submitNow()
{
    const std::optional<PredictionSnapshot> snapshot = takeSnapshot();
    if (!snapshot) {
        qCDebug(lcPrediction) << "no snapshot:" << m_lastError;
        return false;
    }
    m_service->submit(*snapshot);
    return true;
}

void PredictionCoordinator::requestFreshRun()
{
    if (!m_timer.isActive())
        return; // stopped: no model runs
    if (m_service->isBusy())
        m_submitWhenIdle = true;
    else
        submitNow();
}

void PredictionCoordinator::resetModels()
{
    m_service->cancelAll();
    m_simulatorStartSec = QDateTime::currentMSecsSinceEpoch() / 1000.0;
    m_snapshotRunStart = m_snapshotTakenSec = 0.0;
    m_recommendedRate.reset();
    m_recommendationText.clear();
    m_lastForecast.clear();
    for (const ModelledChannel &c : modelledChannels)
        m_lastForecast.append(ForecastCurve{QLatin1String(c.channel), {}, {}, {}});
    qCInfo(lcPrediction) << "models reset: time zero is now";
    Q_EMIT forecastReady(m_lastForecast);
    Q_EMIT modelsReset();
}

RecommendedFeed PredictionCoordinator::toWallTime(const FeedOptimizationResult &optimum) const
{
    const double wallHoursPerProcessHour = 1.0 / m_options.processHoursPerWallHour;
    RecommendedFeed feed;
    feed.snapshotWallSec = m_snapshotTakenSec;
    feed.startWallSec =
        m_snapshotRunStart + optimum.intervalStarts.front() * 3600.0 * wallHoursPerProcessHour;
    for (std::size_t k = 0; k < optimum.feedRates.size(); ++k) {
        feed.offsetsWallHours.push_back((optimum.intervalStarts[k] - optimum.intervalStarts.front()) *
                                        wallHoursPerProcessHour);
        feed.ratesMlPerH.push_back(optimum.feedRates[k] / litresPerMl);
    }
    feed.text = m_recommendationText;
    feed.model = QFileInfo(m_options.parameterFile).fileName();
    return feed;
}

void PredictionCoordinator::onResult(const PredictionResult &result)
{
    if (!result.ok) {
        m_lastError = result.error;
        Q_EMIT failed(result.error);
        return;
    }
    ++m_completed;
    qCDebug(lcPrediction) << "prediction" << result.sequence << "in" << result.computeMs << "ms";
    const double wallSecPerProcessHour = 3600.0 / m_options.processHoursPerWallHour;
    const StateForecast &forecast = result.forecast;
    QVector<ForecastCurve> curves;
    for (const ModelledChannel &c : modelledChannels) {
        ForecastCurve curve;
        curve.channel = QLatin1String(c.channel);
        for (std::size_t i = 0; i < forecast.times.size(); ++i) {
            curve.timesSec.append(m_snapshotRunStart + forecast.times[i] * wallSecPerProcessHour);
            curve.mean.append(forecast.mean[i][c.state] / c.factor);
            curve.sd.append(forecast.sd[i][c.state] / c.factor);
        }
        curves.append(curve);
    }
    m_lastForecast = curves;
    Q_EMIT forecastReady(curves);

    if (!result.recommendation || !result.recommendation->optimum.ok ||
        result.recommendation->optimum.feedRates.empty())
        return;
    const FeedOptimizationResult &optimum = result.recommendation->optimum;
    const double rate = optimum.feedRates.front() / litresPerMl;
    const double hours =
        (optimum.intervalStarts.size() > 1 ? optimum.intervalStarts[1] : optimum.horizonEnd) -
        optimum.intervalStarts.front();
    m_recommendedRate = rate;
    m_recommendationText = describeFeedRecommendation(*result.recommendation);
    Q_EMIT recommendationReady(m_recommendationText, rate, hours);
    Q_EMIT feedProfileReady(toWallTime(optimum));
}

QString PredictionCoordinator::applyRecommendation(const Actor &actor)
{
    if (!m_recommendedRate)
        return tr("there is no recommendation to apply yet");
    FeedController *controller = m_session->feed();
    if (!controller)
        return tr("this station has no feed pump");
    // Rounded to what the card shows, so the audit trail and the card agree.
    const double rate = std::round(*m_recommendedRate * 10.0) / 10.0;
    // Through the actuator's control: a running PID or profile hands over to manual without a bump, and the
    // same role check, limits and audit apply as for a manual change.
    ActuatorControl *actuator = m_session->control()->actuators()->find(controller->actuatorName());
    if (!actuator)
        return tr("the feed pump has no control");
    return actuator->setManualRate(rate, actor, tr("model recommendation: %1").arg(m_recommendationText));
}
