#pragma once
// Connects the feed actuator's model-plan mode (ModelPredictiveMode) to the live models. When the mode asks
// for a plan (on its re-plan schedule) the link asks the PredictionCoordinator for a run on a fresh snapshot,
// turns the optimiser's whole profile into a FeedPlan in wall time and proposes it to the actuator, which
// applies it at once or leaves it pending for an operator's confirmation. Either way the rates go through the
// FeedController like any command (limits, rate of change, interlocks) and the plan is audited with the model
// it came from and the user who handed control to it. When no plan has come for
// ModelPredictiveMode::staleAfterIntervals intervals (the model keeps failing), the stale plan is dropped,
// the present rate holds, and a low-priority alarm stays active until plans come again. When the models are
// reset (the demo's simulator restarted: a new culture) the plans are dropped and the link counts as stale
// until the first plan computed on the new culture.
// It lives in the session, apart from PredictionCoordinator: that one knows the models, this one the mode.
#include "FeedPlan.h"
#include "ModelPlanStatus.h"
#include "RecommendedFeed.h"

#include <QObject>
#include <QTimer>

class ActuatorControl;
class AlarmManager;
class ControlClock;
class ModelPredictiveMode;
class PredictionCoordinator;

class ModelPlanLink : public QObject
{
    Q_OBJECT
public:
    ModelPlanLink(PredictionCoordinator *coordinator, ActuatorControl *feed, AlarmManager *alarms,
                  const ControlClock *clock, QObject *parent = nullptr);

    static QString staleAlarmId() { return QStringLiteral("model.plan_stale"); }
    bool isStale() const { return m_stale; }
    int proposedCount() const { return m_proposed; }
    ModelPlanStatus status() const;
    // Runs on a 1 s timer; tests call it directly.
    void checkStaleness();

Q_SIGNALS:
    void planProposed(const FeedPlan &plan);
    // The mode, the plans or their staleness changed (status() tells what holds now).
    void statusChanged();

private:
    void onReplanRequested();
    void onFeedProfile(const RecommendedFeed &feed);
    void onModelsReset();
    ModelPredictiveMode *modelMode() const;
    FeedPlan toPlan(const RecommendedFeed &feed) const;
    void setStale(bool stale);

    PredictionCoordinator *m_coordinator;
    ActuatorControl *m_feed;
    AlarmManager *m_alarms;
    const ControlClock *m_clock;
    QTimer m_staleTimer;
    bool m_awaitingPlan = false;
    double m_requestedAtSec = 0.0; // a plan must come from a snapshot taken after this (UTC seconds)
    bool m_stale = false;
    bool m_awaitingFirstPlanAfterReset = false;
    qint64 m_lastInhibitedMs = 0; // control clock, the last check that found the pump held by an interlock
    int m_proposed = 0;
};
