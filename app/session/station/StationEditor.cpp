#include "StationEditor.h"

#include "PermissionMatrix.h"
#include "StationChanges.h"
#include "StationInstruments.h"
#include "StationWriter.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QSettings>
#include <QtConcurrent/QtConcurrentRun>

namespace {
const QString lastStationKey = QStringLiteral("station/last");

QString auditObject(const QString &instrument)
{
    return QStringLiteral("station.instrument.") + instrument;
}
} // namespace

StationEditor::StationEditor(StationInstruments *instruments, ActorSource actor, QObject *parent)
    : QObject(parent), m_instruments(instruments), m_actor(std::move(actor)), m_saved(instruments->station())
{
    // Every change of the running station's instruments is an edit the file does not have yet.
    connect(m_instruments, &StationInstruments::instrumentsChanged, this, [this] {
        const bool wasUnsaved = hasUnsavedEdits();
        ++m_editCount;
        if (!wasUnsaved)
            Q_EMIT unsavedEditsChanged(true);
    });
}

bool StationEditor::permitted(const QString &object, const QString &attempted, QString *error)
{
    const Actor actor = m_actor();
    if (PermissionMatrix::allows(actor.role, Permission::ConfigureStation))
        return true;
    Q_EMIT audited(PermissionMatrix::refusal(actor, Permission::ConfigureStation, object, attempted));
    *error = PermissionMatrix::refusalText(actor, Permission::ConfigureStation);
    return false;
}

QString StationEditor::addInstrument(const InstrumentConfig &config)
{
    QString error;
    if (!permitted(auditObject(config.name), tr("add instrument"), &error))
        return error;
    const StationConfig before = m_instruments->station();
    error = m_instruments->addInstrument(config);
    auditChanges(before, m_instruments->station(), {}, m_actor(), tr("applied to the running station"));
    return error;
}

QString StationEditor::replaceInstrument(const QString &name, const InstrumentConfig &config)
{
    QString error;
    if (!permitted(auditObject(name), tr("edit instrument"), &error))
        return error;
    const StationConfig before = m_instruments->station();
    error = m_instruments->replaceInstrument(name, config);
    auditChanges(before, m_instruments->station(), {{config.name, name}}, m_actor(),
                 tr("applied to the running station"));
    if (name != config.name && m_instruments->driver(config.name)) {
        const QString nameInFile = m_renamedFrom.take(name);
        m_renamedFrom.insert(config.name, nameInFile.isEmpty() ? name : nameInFile);
    }
    return error;
}

QString StationEditor::removeInstrument(const QString &name)
{
    QString error;
    if (!permitted(auditObject(name), tr("remove instrument"), &error))
        return error;
    const StationConfig before = m_instruments->station();
    m_instruments->removeInstrument(name);
    auditChanges(before, m_instruments->station(), {}, m_actor(), tr("applied to the running station"));
    m_renamedFrom.remove(name);
    return {};
}

QString StationEditor::stationFile() const
{
    return m_instruments->station().fileName;
}

bool StationEditor::canSaveInPlace() const
{
    return !stationFile().isEmpty() && !stationFile().startsWith(QLatin1Char(':'));
}

QString StationEditor::save()
{
    if (!canSaveInPlace())
        return tr("%1: the built-in station cannot be written; use \"Save station as...\"")
            .arg(stationFile());
    return saveAs(stationFile());
}

QString StationEditor::saveAs(const QString &path)
{
    QString error;
    if (!permitted(QStringLiteral("station"), tr("save the station to %1").arg(path), &error))
        return error;
    if (m_saving)
        return tr("%1: a save of the station is still under way").arg(path);
    if (path.isEmpty() || path.startsWith(QLatin1Char(':')))
        return tr("%1: a built-in station cannot be written; save it as a file").arg(path);
    m_saving = true;
    const StationConfig station = m_instruments->station();
    const QHash<QString, QString> renames = m_renamedFrom;
    const int editCount = m_editCount;
    const Actor actor = m_actor();
    auto *watcher = new QFutureWatcher<StationSaveResult>(this);
    connect(watcher, &QFutureWatcher<StationSaveResult>::finished, this,
            [this, watcher, station, renames, editCount, actor] {
                watcher->deleteLater();
                m_saving = false;
                const StationSaveResult result = watcher->result();
                if (!result.ok())
                    Q_EMIT saveFailed(result.errors);
                else
                    onSaveFinished(result.path, station, editCount, renames, actor);
            });
    // Reading the original, writing, fsync and renaming stay off the GUI thread.
    watcher->setFuture(QtConcurrent::run(
        [station, path, renames] { return StationWriter::save(station, path, station.fileName, renames); }));
    return {};
}

void StationEditor::onSaveFinished(const QString &path, const StationConfig &written, int editCount,
                                   const QHash<QString, QString> &renames, const Actor &actor)
{
    const StationConfig before = m_saved;
    m_saved = written;
    auditChanges(before, written, renames, actor, tr("saved to %1").arg(path));
    m_instruments->setStationFile(path);
    QSettings().setValue(lastStationKey, path);
    // The file now has today's names; renames made while the save ran (rare) stay relative to the old file.
    if (editCount == m_editCount)
        m_renamedFrom.clear();
    const bool wasUnsaved = hasUnsavedEdits();
    m_savedEditCount = editCount;
    if (wasUnsaved && !hasUnsavedEdits())
        Q_EMIT unsavedEditsChanged(false);
    Q_EMIT saved(path);
}

void StationEditor::auditChanges(const StationConfig &before, const StationConfig &after,
                                 const QHash<QString, QString> &renamedFrom, const Actor &actor,
                                 const QString &reason)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const InstrumentChange &change : StationChanges::between(before, after, renamedFrom))
        Q_EMIT audited(AuditEntry{now, actor.user, roleName(actor.role), auditObject(change.instrument),
                                  change.oldSummary, change.newSummary, reason});
}

QString StationEditor::lastStation()
{
    return QSettings().value(lastStationKey).toString();
}
