#pragma once
// The recording side of the main window's menus: File > Open run (read-only viewer), Export run (dialog with
// progress and cancel), Verify run file (RunVerifyDialog), Save plot as PNG/PDF, Run > Add note; and the
// recording status text (saved, queued, storage failing). Kept out of MainWindow so the window only has to
// create it.
#include <QObject>

class ExportDialog;
class LivePlot;
class QMainWindow;
class QMenu;
class QToolBar;
class ReactorSession;
class RunViewerWindow;
class RunVerifyDialog;

class RecordingActions : public QObject
{
    Q_OBJECT
public:
    RecordingActions(QMainWindow *window, ReactorSession *session, LivePlot *plot);

    // Adds the actions to the File menu (before what is there) and a Run menu with Add note.
    void install(QMenu *fileMenu, QToolBar *toolbar);
    QString recordingText() const;
    bool storageFailing() const;

    // The actions without their prompts (tests call these).
    void addNote(const QString &text);
    RunViewerWindow *openRun(const QString &runFile);
    ExportDialog *showExportDialog();
    // Checks runFile against the anchors in the standard location, on the pool, in a dialog it returns.
    RunVerifyDialog *verifyRun(const QString &runFile);

private:
    void promptForNote();
    void promptForRunToOpen();
    void promptForRunToVerify();
    void promptToSavePlot();
    void showMessage(const QString &message);

    QMainWindow *m_window;
    ReactorSession *m_session;
    LivePlot *m_plot;
};
