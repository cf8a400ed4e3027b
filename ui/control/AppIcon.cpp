#include "AppIcon.h"

QIcon appIcon()
{
    return QIcon(QStringLiteral(":/icons/reactordesk.svg"));
}
