#pragma once
// Exports a run file: the readings as CSV (ReadingsCsvExport), and on request the JSON manifest
// (RunManifest), the audit trail and events as CSV (AuditTrailCsv), all optionally bundled in one zip.
// Times are UTC ISO 8601 with milliseconds and Z. Blocking: run it off the GUI thread
// (ExportRequest::progress reports and cancels). Outputs are written whole or not at all (QSaveFile).
#include "ExportRequest.h"

#include <QString>

class RunExporter
{
public:
    using Layout = ExportRequest::Layout;

    struct Result
    {
        bool ok = false;
        QString error;
        qint64 rows = 0;
        qint64 readings = 0;
        bool cancelled = false;
    };

    static Result exportCsv(const QString &runFile, const QString &csvFile, Layout layout);
    static Result exportRun(const QString &runFile, const ExportRequest &request);
};
