#include "ControlMode.h"

QString controlModeName(ControlModeKind kind)
{
    switch (kind) {
    case ControlModeKind::Manual:
        return QStringLiteral("manual");
    case ControlModeKind::Chemostat:
        return QStringLiteral("chemostat");
    case ControlModeKind::FedBatch:
        return QStringLiteral("fed-batch");
    case ControlModeKind::Pid:
        return QStringLiteral("PID");
    case ControlModeKind::ModelPredictive:
        return QStringLiteral("model");
    case ControlModeKind::Level:
        return QStringLiteral("level");
    }
    return {};
}
