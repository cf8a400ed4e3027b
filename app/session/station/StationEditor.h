#pragma once
// Edits to the running station and saving them to its file. Adding, changing and removing instruments and
// saving are supervisor actions (Permission::ConfigureStation), checked here whoever calls; a refusal is
// audited. Edits apply to the running station at once (StationInstruments) and are audited then ("applied to
// the running station"); they count as unsaved until a save succeeds, which audits each instrument it changes
// in the file (who, which instrument, old -> new, "saved to <file>"). Saving
// runs StationWriter on the thread pool; the result arrives as saved() or saveFailed(). The built-in demo
// station cannot be written: it is saved as a file (saveAs), and the session runs from that file afterwards.
#include "Actor.h"
#include "AuditEntry.h"
#include "StationConfig.h"

#include <QHash>
#include <QObject>

#include <functional>

class StationInstruments;

class StationEditor : public QObject
{
    Q_OBJECT
public:
    using ActorSource = std::function<Actor()>; // the signed-in user, asked at each action
    StationEditor(StationInstruments *instruments, ActorSource actor, QObject *parent = nullptr);

    StationInstruments *instruments() const { return m_instruments; }

    // Each returns a text for the user, empty when all went well: a refusal (naming the user, the role and
    // what is missing) changes nothing; StationInstruments' errors may come with the edit applied (a port
    // that cannot be reached yet).
    QString addInstrument(const InstrumentConfig &config);
    QString replaceInstrument(const QString &name, const InstrumentConfig &config);
    QString removeInstrument(const QString &name);

    bool hasUnsavedEdits() const { return m_editCount != m_savedEditCount; }
    QString stationFile() const;
    // False for the built-in demo (a resource): it can only be saved as a file.
    bool canSaveInPlace() const;
    bool isSaving() const { return m_saving; }
    // Start a save; an error text when it cannot start (permission, built-in station, a save under way),
    // else empty and saved() or saveFailed() follows.
    QString save();
    QString saveAs(const QString &path);

    // The station file saved last (QSettings), which `reactordesk` offers at start; empty if none.
    static QString lastStation();

Q_SIGNALS:
    void unsavedEditsChanged(bool unsaved);
    void saved(const QString &path);
    void
    saveFailed(const QStringList &errors); // each names the file (and the JSON path for invalid stations)
    void audited(const AuditEntry &entry);

private:
    bool permitted(const QString &object, const QString &attempted, QString *error);
    // One audit entry per instrument that differs between before and after (old -> new summary).
    void auditChanges(const StationConfig &before, const StationConfig &after,
                      const QHash<QString, QString> &renamedFrom, const Actor &actor, const QString &reason);
    void onSaveFinished(const QString &path, const StationConfig &written, int editCount,
                        const QHash<QString, QString> &renames, const Actor &actor);

    StationInstruments *m_instruments;
    ActorSource m_actor;
    StationConfig m_saved;                 // the station as its file holds it
    QHash<QString, QString> m_renamedFrom; // current instrument name -> its name in the file
    int m_editCount = 0;
    int m_savedEditCount = 0;
    bool m_saving = false;
};
