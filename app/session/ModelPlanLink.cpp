#include "ModelPlanLink.h"

#include "ActuatorControl.h"
#include "AlarmManager.h"
#include "DurationText.h"
#include "FeedController.h"
#include "ModelPredictiveMode.h"
#include "PredictionCoordinator.h"

#include <QDateTime>
#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcModelPlan, "reactordesk.session.modelplan")

namespace {
double nowUtcSec()
{
    return QDateTime::currentMSecsSinceEpoch() / 1000.0;
}
} // namespace

ModelPlanLink::ModelPlanLink(PredictionCoordinator *coordinator, ActuatorControl *feed, AlarmManager *alarms,
                             const ControlClock *clock, QObject *parent)
    : QObject(parent), m_coordinator(coordinator), m_feed(feed), m_alarms(alarms), m_clock(clock)
{
    connect(feed, &ActuatorControl::replanRequested, this, &ModelPlanLink::onReplanRequested);
    connect(coordinator, &PredictionCoordinator::feedProfileReady, this, &ModelPlanLink::onFeedProfile);
    connect(coordinator, &PredictionCoordinator::modelsReset, this, &ModelPlanLink::onModelsReset);
    connect(feed, &ActuatorControl::modeChanged, this, [this] {
        m_awaitingPlan = false;
        checkStaleness();
        Q_EMIT statusChanged();
    });
    // Confirmations and rejections change what the pump follows.
    connect(feed, &ActuatorControl::audited, this, [this](const AuditEntry &entry) {
        if (entry.object == m_feed->name() + QStringLiteral(".plan"))
            Q_EMIT statusChanged();
    });
    m_staleTimer.setInterval(1000);
    connect(&m_staleTimer, &QTimer::timeout, this, &ModelPlanLink::checkStaleness);
    m_staleTimer.start();
}

ModelPredictiveMode *ModelPlanLink::modelMode() const
{
    return dynamic_cast<ModelPredictiveMode *>(m_feed->mode());
}

void ModelPlanLink::onReplanRequested()
{
    if (!modelMode())
        return;
    // Still waiting: an answer to the first unanswered request is fresh enough. Moving the bound on would
    // refuse every plan when one model run takes longer than the re-plan interval (a loaded machine).
    if (!m_awaitingPlan) {
        m_awaitingPlan = true;
        m_requestedAtSec = nowUtcSec();
    }
    m_coordinator->requestFreshRun();
}

FeedPlan ModelPlanLink::toPlan(const RecommendedFeed &feed) const
{
    FeedPlan plan;
    // The profile starts at the model's "now" (the snapshot), a moment before it arrives here.
    plan.issuedMs = m_clock->nowMs() + qint64((feed.startWallSec - nowUtcSec()) * 1000.0);
    QStringList rates;
    for (std::size_t k = 0; k < feed.ratesMlPerH.size(); ++k) {
        plan.steps.emplace_back(feed.offsetsWallHours[k], feed.ratesMlPerH[k]);
        rates << QString::number(feed.ratesMlPerH[k], 'f', 1);
    }
    const double stepHours = feed.offsetsWallHours.size() > 1 ? feed.offsetsWallHours[1] : 0.0;
    // The audit row names who handed the feed to the model (ActuatorControl::planOwner), the source the rest.
    plan.source = tr("%1: %2; plan %3 mL/h, a step every %4")
                      .arg(feed.model, feed.text, rates.join(QLatin1String(", ")), durationText(stepHours));
    return plan;
}

void ModelPlanLink::onFeedProfile(const RecommendedFeed &feed)
{
    // Only an answer to our request counts: one from an older snapshot (a run already under way) does not.
    if (!m_awaitingPlan || feed.snapshotWallSec < m_requestedAtSec || feed.ratesMlPerH.empty())
        return;
    m_awaitingPlan = false;
    if (!modelMode())
        return;
    const FeedPlan plan = toPlan(feed);
    const QString error = m_feed->proposePlan(plan);
    if (!error.isEmpty()) {
        qCWarning(lcModelPlan) << "plan not proposed:" << error;
        Q_EMIT statusChanged();
        return;
    }
    ++m_proposed;
    m_awaitingFirstPlanAfterReset = false;
    qCDebug(lcModelPlan) << "proposed" << plan.source;
    checkStaleness();
    Q_EMIT planProposed(plan);
}

void ModelPlanLink::checkStaleness()
{
    ModelPredictiveMode *mode = modelMode();
    const qint64 now = m_clock->nowMs();
    // A pump held by an interlock asks for no plans; it is not the model's fault, so the count restarts
    // when the pump is released.
    if (m_feed->feed()->isInhibited())
        m_lastInhibitedMs = now;
    const bool stale =
        mode && (m_awaitingFirstPlanAfterReset ||
                 (mode->isStale(now) && now - m_lastInhibitedMs > ModelPredictiveMode::staleAfterIntervals *
                                                                      mode->replanIntervalMs()));
    if (stale && !m_stale) {
        // Holding the present rate is safer than following an old plan's schedule into hours it never saw.
        mode->dropActivePlan();
        qCWarning(lcModelPlan) << (m_awaitingFirstPlanAfterReset ? "models reset" : "no recent model plan")
                               << ": holding the present feed rate until the next plan";
    }
    setStale(stale);
}

void ModelPlanLink::onModelsReset()
{
    // Plans computed on the old culture must not drive the new one: hold the present rate until a plan
    // comes from a snapshot taken after the reset.
    m_awaitingFirstPlanAfterReset = true;
    if (ModelPredictiveMode *mode = modelMode()) {
        mode->dropActivePlan();
        mode->rejectPending();
        m_awaitingPlan = true;
        m_requestedAtSec = nowUtcSec();
        m_coordinator->requestFreshRun();
    }
    checkStaleness();
    Q_EMIT statusChanged();
}

ModelPlanStatus ModelPlanLink::status() const
{
    ModelPlanStatus status;
    const ModelPredictiveMode *mode = modelMode();
    if (!mode)
        return status;
    const ActuatorLimits limits = m_feed->feed()->limits();
    status.inControl = true;
    status.waitingForConfirmation = mode->hasPending();
    status.stale = m_stale;
    status.unit = limits.unit;
    const std::optional<FeedPlan> &plan = mode->activePlan();
    if (!plan)
        return status;
    // What the controller will command: the plan's rate within the pump's hard limits.
    auto commanded = [&](double rate) { return std::clamp(rate, limits.minimum, limits.maximum); };
    const qint64 now = m_clock->nowMs();
    status.followingPlan = true;
    status.rate = commanded(plan->rateAt(now));
    if (const auto next = plan->nextChangeAfter(now)) {
        // The control clock is monotonic; the card shows wall time.
        status.nextChangeUtcMs = QDateTime::currentMSecsSinceEpoch() + (next->first - now);
        status.nextRate = commanded(next->second);
    }
    return status;
}

void ModelPlanLink::setStale(bool stale)
{
    if (stale == m_stale)
        return;
    m_stale = stale;
    Q_EMIT statusChanged();
    const QString text =
        m_awaitingFirstPlanAfterReset
            ? tr("%1: the models were reset (new culture); holding the present rate until their first plan")
                  .arg(m_feed->name())
            : tr("%1: no new model plan for %2 re-plan intervals; holding the present rate")
                  .arg(m_feed->name())
                  .arg(ModelPredictiveMode::staleAfterIntervals);
    m_alarms->setFault(staleAlarmId(), AlarmKind::Instrument, text, stale, AlarmPriority::Low);
}
