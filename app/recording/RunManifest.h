#pragma once
// The JSON manifest of an export: run id, station, operator, start and end (UTC), software versions (of the
// recording and of the export), the exported range, layout and files, each channel with unit, label,
// declared range and the observed minimum, maximum and count, and the gaps of the run.
#include "ExportRequest.h"
#include "ReadingsCsvExport.h"
#include "RunChannelTable.h"

#include <QJsonObject>
#include <QSqlDatabase>

namespace RunManifest {
QJsonObject build(QSqlDatabase &db, const QList<RunChannel> &channels, const ExportRequest &request,
                  const ReadingsCsvExport::Outcome &readings, const QStringList &files);
}
