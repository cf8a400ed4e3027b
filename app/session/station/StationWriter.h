#pragma once
// Writes a running StationConfig back to a station file, so that StationLoader gives the same StationConfig
// again. Written over the original file's JSON: keys the program does not own (comments such as "_note") stay
// where the instrument, channel, actuator, alarm or interlock they sit on still exists. The result is checked
// with StationLoader before anything is replaced (an invalid station is refused with the loader's errors and
// the file is left as it was); the write is atomic (QSaveFile) and the previous file is kept as <file>.bak.
// save() touches the disk: call it off the GUI thread (StationEditor runs it with QtConcurrent).
#include "StationConfig.h"

#include <QHash>
#include <QJsonObject>
#include <QStringList>

struct StationSaveResult
{
    QString path;       // the file written (absolute)
    QStringList errors; // each names the file; empty on success
    bool ok() const { return errors.isEmpty(); }
};

namespace StationWriter {
// originalNames maps an instrument's current name to its name in original (instruments renamed since).
QJsonObject toJson(const StationConfig &station, const QJsonObject &original = {},
                   const QHash<QString, QString> &originalNames = {});
QByteArray toBytes(const StationConfig &station, const QJsonObject &original = {},
                   const QHash<QString, QString> &originalNames = {});
// Writes station to path, over the JSON of originalPath (a file or a resource; unreadable: written afresh).
StationSaveResult save(const StationConfig &station, const QString &path, const QString &originalPath,
                       const QHash<QString, QString> &originalNames = {});
QString backupPath(const QString &path); // "<path>.bak"
} // namespace StationWriter
