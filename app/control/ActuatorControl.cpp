#include "ActuatorControl.h"

#include "PermissionMatrix.h"
#include "modes/FedBatchMode.h"
#include "modes/ManualMode.h"
#include "modes/ModelPredictiveMode.h"
#include "modes/PidMode.h"

#include <QJsonDocument>

#include <cmath>

ActuatorControl::ActuatorControl(FeedController *feed, const ProcessValues *values, const ControlClock *clock,
                                 int periodMs, QObject *parent)
    : QObject(parent), m_feed(feed), m_values(values), m_clock(clock), m_mode(std::make_unique<ManualMode>())
{
    m_timer.setInterval(periodMs);
    connect(&m_timer, &QTimer::timeout, this, &ActuatorControl::tick);
}

ActuatorControl::~ActuatorControl() = default;

bool ActuatorControl::permitted(const Actor &actor, Permission permission, const QString &field,
                                const QString &attempted)
{
    if (PermissionMatrix::allows(actor.role, permission))
        return true;
    Q_EMIT audited(
        PermissionMatrix::refusal(actor, permission, name() + QLatin1Char('.') + field, attempted));
    return false;
}

void ActuatorControl::audit(const Actor &actor, const QString &field, const QString &oldValue,
                            const QString &newValue, const QString &reason)
{
    Q_EMIT audited({m_clock->nowMs(), actor.user, roleName(actor.role), name() + QLatin1Char('.') + field,
                    oldValue, newValue, reason});
}

void ActuatorControl::install(std::unique_ptr<ControlMode> mode)
{
    m_mode = std::move(mode);
    m_mode->begin(m_feed->commandedRate(), m_clock->nowMs());
    Q_EMIT modeChanged(m_mode->kind(), m_mode->describe());
}

QString ActuatorControl::setMode(std::unique_ptr<ControlMode> mode, const Actor &actor, const QString &reason)
{
    if (!mode)
        return tr("%1: no control mode given").arg(name());
    if (!permitted(actor, Permission::OperateProcess, QStringLiteral("mode"), mode->describe()))
        return PermissionMatrix::refusalText(actor, Permission::OperateProcess);
    if (m_feed->isInhibited() && mode->kind() != ControlModeKind::Manual) {
        audit(actor, QStringLiteral("mode"), m_mode->describe(), mode->describe(),
              QStringLiteral("refused: inhibited: ") + m_feed->inhibitReason());
        return tr("%1 is held in its safe state: %2").arg(name(), m_feed->inhibitReason());
    }
    audit(actor, QStringLiteral("mode"), m_mode->describe(), mode->describe(), reason);
    if (mode->kind() == ControlModeKind::ModelPredictive)
        m_planOwner = actor;
    install(std::move(mode));
    return {};
}

QString ActuatorControl::setManualRate(double rate, const Actor &actor, const QString &reason)
{
    if (!permitted(actor, Permission::OperateProcess, QStringLiteral("rate"), QString::number(rate)))
        return PermissionMatrix::refusalText(actor, Permission::OperateProcess);
    if (m_mode->kind() != ControlModeKind::Manual) {
        audit(actor, QStringLiteral("mode"), m_mode->describe(), QStringLiteral("manual"), reason);
        install(std::make_unique<ManualMode>());
    }
    return m_feed->setRate(rate, actor, reason);
}

QString ActuatorControl::commandProfile(ProfileCommand command, const Actor &actor)
{
    static const char *names[] = {"start", "pause", "resume"};
    const QString what = QString::fromLatin1(names[int(command)]);
    if (!permitted(actor, Permission::OperateProcess, QStringLiteral("profile"), what))
        return PermissionMatrix::refusalText(actor, Permission::OperateProcess);
    auto *fedBatch = dynamic_cast<FedBatchMode *>(m_mode.get());
    if (!fedBatch)
        return tr("%1 is not in fed-batch mode").arg(name());
    const qint64 now = m_clock->nowMs();
    const QString before = QString::number(fedBatch->profileHours(now), 'f', 4) + QStringLiteral(" h");
    switch (command) {
    case ProfileCommand::Start:
        fedBatch->start(now);
        break;
    case ProfileCommand::Pause:
        fedBatch->pause(now);
        break;
    case ProfileCommand::Resume:
        fedBatch->resume(now);
        break;
    }
    audit(actor, QStringLiteral("profile"), before, what, QString());
    tick();
    return {};
}

QString ActuatorControl::setSetpoint(double setpoint, const Actor &actor)
{
    if (!permitted(actor, Permission::OperateProcess, QStringLiteral("setpoint"), QString::number(setpoint)))
        return PermissionMatrix::refusalText(actor, Permission::OperateProcess);
    auto *pid = dynamic_cast<PidMode *>(m_mode.get());
    if (!pid)
        return tr("%1 is not in PID mode").arg(name());
    if (!std::isfinite(setpoint))
        return tr("%1: the setpoint must be a number").arg(name());
    audit(actor, QStringLiteral("setpoint"), QString::number(pid->setpoint()), QString::number(setpoint),
          QString());
    pid->setSetpoint(setpoint);
    return {};
}

QString ActuatorControl::setPidTuning(const PidTuning &tuning, const Actor &actor)
{
    const QString described =
        QString::fromUtf8(QJsonDocument(tuning.toJson()).toJson(QJsonDocument::Compact));
    if (!permitted(actor, Permission::ChangeLimits, QStringLiteral("pid"), described))
        return PermissionMatrix::refusalText(actor, Permission::ChangeLimits);
    auto *pid = dynamic_cast<PidMode *>(m_mode.get());
    if (!pid)
        return tr("%1 is not in PID mode").arg(name());
    audit(actor, QStringLiteral("pid"),
          QString::fromUtf8(QJsonDocument(pid->tuning().toJson()).toJson(QJsonDocument::Compact)), described,
          QString());
    pid->setTuning(tuning);
    Q_EMIT modeChanged(pid->kind(), pid->describe());
    return {};
}

QString ActuatorControl::proposePlan(const FeedPlan &plan)
{
    auto *model = dynamic_cast<ModelPredictiveMode *>(m_mode.get());
    if (!model)
        return tr("%1 is not in model mode").arg(name());
    const QString steps = QStringLiteral("%1 steps").arg(plan.steps.size());
    if (!permitted(m_planOwner, Permission::OperateProcess, QStringLiteral("plan"), steps)) {
        model->dropActivePlan();
        return PermissionMatrix::refusalText(m_planOwner, Permission::OperateProcess);
    }
    const bool applied = model->propose(plan, m_clock->nowMs());
    audit(m_planOwner, QStringLiteral("plan"), QString(),
          steps + (applied ? QStringLiteral(", applied") : QStringLiteral(", waiting for confirmation")),
          QStringLiteral("model plan ") + plan.source);
    if (applied)
        tick();
    else
        Q_EMIT planPending(plan);
    return {};
}

void ActuatorControl::noteSignedIn(const Actor &actor)
{
    if (actor.user == m_planOwner.user)
        m_planOwner.role = actor.role;
}

QString ActuatorControl::confirmPlan(const Actor &actor)
{
    if (!permitted(actor, Permission::OperateProcess, QStringLiteral("plan"), QStringLiteral("confirm")))
        return PermissionMatrix::refusalText(actor, Permission::OperateProcess);
    auto *model = dynamic_cast<ModelPredictiveMode *>(m_mode.get());
    if (!model || !model->hasPending())
        return tr("%1 has no model plan waiting for confirmation").arg(name());
    audit(actor, QStringLiteral("plan"), QStringLiteral("pending"), QStringLiteral("confirmed"),
          model->pending()->source);
    model->confirmPending();
    tick();
    return {};
}

QString ActuatorControl::rejectPlan(const Actor &actor)
{
    if (!permitted(actor, Permission::OperateProcess, QStringLiteral("plan"), QStringLiteral("reject")))
        return PermissionMatrix::refusalText(actor, Permission::OperateProcess);
    auto *model = dynamic_cast<ModelPredictiveMode *>(m_mode.get());
    if (!model || !model->hasPending())
        return tr("%1 has no model plan waiting for confirmation").arg(name());
    audit(actor, QStringLiteral("plan"), QStringLiteral("pending"), QStringLiteral("rejected"),
          model->pending()->source);
    model->rejectPending();
    return {};
}

void ActuatorControl::forceManual(const QString &reason)
{
    if (m_mode->kind() == ControlModeKind::Manual)
        return;
    audit(Actor::system(), QStringLiteral("mode"), m_mode->describe(), QStringLiteral("manual"), reason);
    install(std::make_unique<ManualMode>());
}

void ActuatorControl::tick()
{
    if (m_feed->isInhibited())
        return;
    const qint64 now = m_clock->nowMs();
    if (auto *model = dynamic_cast<ModelPredictiveMode *>(m_mode.get()); model && model->replanDue(now)) {
        model->noteReplanRequested(now);
        Q_EMIT replanRequested(name());
    }
    if (const std::optional<double> wanted = m_mode->output(*m_values, now))
        m_feed->applyControlOutput(*wanted);
    m_mode->track(m_feed->commandedRate());
}
