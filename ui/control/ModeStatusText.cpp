#include "ModeStatusText.h"

#include "ChemostatMode.h"
#include "DisplayUnit.h"
#include "FedBatchMode.h"
#include "HarvestLevelMode.h"
#include "ManualMode.h"
#include "ModelPredictiveMode.h"
#include "OperatorText.h"
#include "PidMode.h"

#include <QCoreApplication>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ModeStatusText", text);
}

QString fedBatchText(const FedBatchMode &mode)
{
    switch (mode.state()) {
    case FedBatchMode::State::Ready:
        return tr("Fed-batch profile, ready: Start begins it.");
    case FedBatchMode::State::Running:
        return tr("Fed-batch profile, running.");
    case FedBatchMode::State::Paused:
        return tr("Fed-batch profile, paused.");
    }
    return {};
}

QString pidText(const PidMode &mode, const QHash<QString, ChannelInfo> &channels)
{
    const ChannelInfo channel = channels.value(mode.channel(), ChannelInfo{mode.channel(), {}, {}});
    const QString label = channel.label.isEmpty() ? channel.name : channel.label;
    QString setpoint = QString::number(mode.setpoint());
    if (const QString unit = DisplayUnit::besideValue(channel); !unit.isEmpty())
        setpoint += QLatin1Char(' ') + unit;
    return tr("PID: holds %1 at %2.").arg(label, setpoint);
}

QString modelPlanText(const ModelPredictiveMode &mode)
{
    const double minutes = double(mode.replanIntervalMs()) / 60000.0;
    return mode.requiresConfirmation()
               ? tr("Model plan, a new plan every %1 min; each change waits for confirmation.").arg(minutes)
               : tr("Model plan, a new plan every %1 min; changes are applied as they come.").arg(minutes);
}
} // namespace

QString modeStatusText(const ControlMode &mode, const QHash<QString, ChannelInfo> &channels)
{
    if (dynamic_cast<const ManualMode *>(&mode))
        return tr("Manual control.");
    if (const auto *chemostat = dynamic_cast<const ChemostatMode *>(&mode))
        return tr("Chemostat: F = D x V with D = %1 1/h.").arg(chemostat->dilutionPerHour());
    if (const auto *level = dynamic_cast<const HarvestLevelMode *>(&mode))
        return tr("Level control: the harvest holds the volume at %1 mL.").arg(level->volumeSetpointMl());
    if (const auto *fedBatch = dynamic_cast<const FedBatchMode *>(&mode))
        return fedBatchText(*fedBatch);
    if (const auto *pid = dynamic_cast<const PidMode *>(&mode))
        return pidText(*pid, channels);
    if (const auto *model = dynamic_cast<const ModelPredictiveMode *>(&mode))
        return modelPlanText(*model);
    return asSentence(mode.describe()); // a mode this panel does not know by name
}
