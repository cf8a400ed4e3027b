#include "RunExporter.h"

#include "AuditTrailCsv.h"
#include "ReadOnlyRunFile.h"
#include "ReadingsCsvExport.h"
#include "RunChannelTable.h"
#include "RunManifest.h"
#include "ZipArchive.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <functional>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("RunExporter", text);
}

RunExporter::Result failure(const QString &error, bool cancelled = false)
{
    RunExporter::Result result;
    result.error = error;
    result.cancelled = cancelled;
    return result;
}

// Writes one output file whole or not at all; write returns an error text.
QString writeFile(const QString &path, const std::function<QString(QIODevice *)> &write)
{
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return tr("cannot write %1: %2").arg(path, out.errorString());
    const QString error = write(&out);
    if (!error.isEmpty()) {
        out.cancelWriting();
        return error;
    }
    if (!out.commit())
        return tr("cannot write %1: %2").arg(path, out.errorString());
    return {};
}
} // namespace

RunExporter::Result RunExporter::exportCsv(const QString &runFile, const QString &csvFile, Layout layout)
{
    ExportRequest request;
    request.layout = layout;
    request.csvFile = csvFile;
    return exportRun(runFile, request);
}

RunExporter::Result RunExporter::exportRun(const QString &runFile, const ExportRequest &request)
{
    ReadOnlyRunFile run(runFile);
    if (!run.error().isEmpty())
        return failure(run.error());
    QSqlDatabase db = run.db();
    QString error;
    const QList<RunChannel> all = RunChannelTable::load(db, &error);
    if (!error.isEmpty())
        return failure(tr("%1 is not a ReactorDesk run file: %2").arg(runFile, error));
    QList<RunChannel> channels;
    for (const QString &name : request.channels) {
        const auto it =
            std::find_if(all.cbegin(), all.cend(), [&](const RunChannel &c) { return c.info.name == name; });
        if (it == all.cend())
            return failure(tr("%1 has no channel named \"%2\"").arg(runFile, name));
        channels.append(*it);
    }
    if (request.channels.isEmpty())
        channels = all;
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT MIN(t_ms) FROM readings")) || !query.next())
        return failure(tr("cannot read %1: %2").arg(runFile, query.lastError().text()));
    const qint64 runStartMs = query.value(0).toLongLong();
    query.finish();

    // With a zip, the parts go to a scratch folder first and only the zip appears at the destination.
    QTemporaryDir scratch;
    auto partPath = [&](const QString &path) {
        return request.zipFile.isEmpty() ? path : scratch.filePath(QFileInfo(path).fileName());
    };
    if (!request.zipFile.isEmpty() && !scratch.isValid())
        return failure(tr("cannot create a scratch folder for %1").arg(request.zipFile));
    QStringList parts;

    ReadingsCsvExport::Outcome readings;
    if (!request.csvFile.isEmpty()) {
        error = writeFile(partPath(request.csvFile), [&](QIODevice *out) {
            readings = ReadingsCsvExport::write(db, channels, request, runStartMs, out);
            return readings.error.isEmpty() ? QString()
                   : readings.cancelled
                       ? readings.error
                       : tr("cannot export %1 to %2: %3").arg(runFile, request.csvFile, readings.error);
        });
        if (!error.isEmpty())
            return failure(error, readings.cancelled);
        parts << partPath(request.csvFile);
    }
    if (!request.auditFile.isEmpty()) {
        error = writeFile(partPath(request.auditFile), [&](QIODevice *out) {
            const QString e = AuditTrailCsv::writeAudit(db, out);
            return e.isEmpty() ? e : tr("cannot export the audit trail of %1: %2").arg(runFile, e);
        });
        if (!error.isEmpty())
            return failure(error);
        parts << partPath(request.auditFile);
    }
    if (!request.eventsFile.isEmpty()) {
        error = writeFile(partPath(request.eventsFile), [&](QIODevice *out) {
            const QString e = AuditTrailCsv::writeEvents(db, out);
            return e.isEmpty() ? e : tr("cannot export the events of %1: %2").arg(runFile, e);
        });
        if (!error.isEmpty())
            return failure(error);
        parts << partPath(request.eventsFile);
    }
    if (!request.manifestFile.isEmpty()) {
        QStringList files = parts;
        files << request.manifestFile;
        const QByteArray json = QJsonDocument(RunManifest::build(db, channels, request, readings, files))
                                    .toJson(QJsonDocument::Indented);
        error = writeFile(partPath(request.manifestFile), [&](QIODevice *out) {
            return out->write(json) == json.size() ? QString() : out->errorString();
        });
        if (!error.isEmpty())
            return failure(error);
        parts << partPath(request.manifestFile);
    }
    if (!request.zipFile.isEmpty()) {
        error = ZipArchive::write(request.zipFile, parts);
        if (!error.isEmpty())
            return failure(error);
    }
    Result result;
    result.ok = true;
    result.rows = readings.rows;
    result.readings = readings.readings;
    return result;
}
