#include "StationWriter.h"

#include "StationInstrumentJson.h"
#include "StationKeys.h"
#include "StationLoader.h"
#include "StationObjectWriter.h"
#include "StationSafetyJson.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSaveFile>

Q_DECLARE_LOGGING_CATEGORY(lcStation)

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("StationWriter", text);
}

QJsonObject readOriginal(const QString &path)
{
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}
} // namespace

namespace StationWriter {
QJsonObject toJson(const StationConfig &station, const QJsonObject &original,
                   const QHash<QString, QString> &originalNames)
{
    StationObjectWriter w(original, StationKeys::root());
    w.set(QStringLiteral("station"), station.name);
    const QJsonArray originalInstruments = original.value(QStringLiteral("instruments")).toArray();
    QJsonArray instruments;
    for (const InstrumentConfig &instrument : station.instruments)
        instruments.append(StationInstrumentJson::toJson(
            instrument, station.safety.maxChangePerSecond,
            StationObjectWriter::find(originalInstruments, QStringLiteral("name"),
                                      originalNames.value(instrument.name, instrument.name))));
    w.set(QStringLiteral("instruments"), instruments);
    const QJsonArray alarms = StationSafetyJson::alarmsToJson(
        station.safety.alarms, original.value(QStringLiteral("alarms")).toArray());
    w.setUnlessDefault(QStringLiteral("alarms"), alarms, alarms.isEmpty());
    const QJsonArray interlocks = StationSafetyJson::interlocksToJson(
        station.safety.interlocks, original.value(QStringLiteral("interlocks")).toArray());
    w.setUnlessDefault(QStringLiteral("interlocks"), interlocks, interlocks.isEmpty());
    return w.object();
}

QByteArray toBytes(const StationConfig &station, const QJsonObject &original,
                   const QHash<QString, QString> &originalNames)
{
    return QJsonDocument(toJson(station, original, originalNames)).toJson(QJsonDocument::Indented);
}

QString backupPath(const QString &path)
{
    return path + QStringLiteral(".bak");
}

StationSaveResult save(const StationConfig &station, const QString &path, const QString &originalPath,
                       const QHash<QString, QString> &originalNames)
{
    StationSaveResult result;
    result.path = QFileInfo(path).absoluteFilePath();
    if (path.startsWith(QLatin1Char(':'))) {
        result.errors.append(tr("%1: a built-in station cannot be written; save it as a file").arg(path));
        return result;
    }
    const QByteArray bytes = toBytes(station, readOriginal(originalPath), originalNames);
    // What is written must load: an edit that breaks the station is refused before the file is touched.
    const StationLoadResult check = StationLoader::parse(bytes, result.path);
    if (!check.ok()) {
        result.errors = check.errors;
        return result;
    }
    QSaveFile out(result.path);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size()) {
        result.errors.append(tr("%1: cannot write the station file: %2").arg(result.path, out.errorString()));
        return result;
    }
    // The previous version is kept before the new one replaces it (QSaveFile renames over the old file).
    if (QFile::exists(result.path)) {
        const QString backup = backupPath(result.path);
        QFile::remove(backup);
        QFile previous(result.path);
        if (!previous.copy(backup)) {
            out.cancelWriting();
            result.errors.append(tr("%1: cannot keep the previous version as %2: %3")
                                     .arg(result.path, backup, previous.errorString()));
            return result;
        }
    }
    if (!out.commit()) {
        result.errors.append(tr("%1: cannot write the station file: %2").arg(result.path, out.errorString()));
        return result;
    }
    qCInfo(lcStation) << "station written to" << result.path;
    return result;
}
} // namespace StationWriter
