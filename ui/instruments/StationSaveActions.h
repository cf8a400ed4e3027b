#pragma once
// "Save station" and "Save station as..." for a StationEditor, shared by the instrument manager and the main
// window's Instruments menu: enabled while the station has unsaved edits; a built-in station (the demo) is
// always saved as a file, chosen in a non-blocking QFileDialog (open(), never exec()). Also the question on
// quit when edits are unsaved (Save / Discard / Cancel), asked without blocking the event loop.
#include <QObject>

#include <functional>

class QAction;
class QWidget;
class StationEditor;

class StationSaveActions : public QObject
{
    Q_OBJECT
public:
    StationSaveActions(StationEditor *editor, QWidget *dialogParent);

    QAction *saveAction() const { return m_save; }
    QAction *saveAsAction() const { return m_saveAs; }
    // Calls proceed at once when nothing is unsaved; otherwise asks, and calls it after a successful save or
    // on Discard (never on Cancel or a failed save).
    void askBeforeQuit(const std::function<void()> &proceed);

Q_SIGNALS:
    void message(const QString &text); // how a save went, for a status line

private:
    void save(const std::function<void()> &then);
    void saveAs(const std::function<void()> &then);
    void started(const QString &error, const std::function<void()> &then);
    void updateEnabled();

    StationEditor *m_editor;
    QWidget *m_dialogParent;
    QAction *m_save;
    QAction *m_saveAs;
};
