#include "AnchorLocation.h"

#include <QDir>
#include <QStandardPaths>

AnchorLocation AnchorLocation::standard()
{
    const QString data = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
                         QStringLiteral("/ReactorDesk/reactordesk");
    return {data + QStringLiteral("/anchors"), data + QStringLiteral("/anchor.key")};
}

QString AnchorLocation::logPath(const QString &runId) const
{
    return QDir(folder).filePath(runId + QStringLiteral(".anchor"));
}
