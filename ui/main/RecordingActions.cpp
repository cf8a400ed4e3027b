#include "RecordingActions.h"

#include "ExportDialog.h"
#include "LivePlot.h"
#include "ReactorSession.h"
#include "RunRecorder.h"
#include "RunVerifyDialog.h"
#include "RunViewerWindow.h"
#include "SampleStore.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QToolBar>

RecordingActions::RecordingActions(QMainWindow *window, ReactorSession *session, LivePlot *plot)
    : QObject(window), m_window(window), m_session(session), m_plot(plot)
{
    m_plot->setRunFile(session->recorder()->path());
}

void RecordingActions::install(QMenu *fileMenu, QToolBar *toolbar)
{
    QAction *first = fileMenu->actions().isEmpty() ? nullptr : fileMenu->actions().constFirst();
    auto *open = new QAction(tr("&Open run..."), this);
    open->setShortcut(QKeySequence::Open);
    connect(open, &QAction::triggered, this, &RecordingActions::promptForRunToOpen);
    auto *exportRun = new QAction(tr("&Export run..."), this);
    exportRun->setShortcut(Qt::CTRL | Qt::Key_E);
    connect(exportRun, &QAction::triggered, this, &RecordingActions::showExportDialog);
    auto *verify = new QAction(tr("&Verify run file..."), this);
    verify->setObjectName(QStringLiteral("verifyRunAction"));
    verify->setToolTip(tr("Check a run file's integrity and audit trail against its anchors"));
    connect(verify, &QAction::triggered, this, &RecordingActions::promptForRunToVerify);
    auto *save = new QAction(tr("&Save plot as..."), this);
    save->setShortcut(QKeySequence::Save);
    connect(save, &QAction::triggered, this, &RecordingActions::promptToSavePlot);
    fileMenu->insertActions(first, {open, exportRun, verify, save});
    fileMenu->insertSeparator(first);

    QMenu *run = m_window->menuBar()->addMenu(tr("&Run"));
    QAction *note = run->addAction(tr("Add &note..."), this, &RecordingActions::promptForNote);
    note->setObjectName(QStringLiteral("addNoteAction"));
    note->setShortcut(Qt::CTRL | Qt::Key_N);
    note->setToolTip(tr("Put a note on the run's timeline (recorded in the audit trail)"));
    if (toolbar)
        toolbar->addAction(note);
}

QString RecordingActions::recordingText() const
{
    const RunRecorder *recorder = m_session->recorder();
    QString text = tr("Recording %1 — %2 readings saved, %3 queued")
                       .arg(QFileInfo(recorder->path()).fileName())
                       .arg(recorder->committedReadings())
                       .arg(recorder->queueDepth());
    if (recorder->isStorageFailing())
        text += tr(" — CANNOT WRITE, keeping readings in memory");
    return text;
}

bool RecordingActions::storageFailing() const
{
    return m_session->recorder()->isStorageFailing();
}

void RecordingActions::showMessage(const QString &message)
{
    m_window->statusBar()->showMessage(message, 8000);
}

void RecordingActions::addNote(const QString &text)
{
    const QString note = text.trimmed();
    if (note.isEmpty())
        return;
    m_session->addNote(note);
    showMessage(tr("Note added to the run: %1").arg(note));
}

void RecordingActions::promptForNote()
{
    auto *dialog = new QInputDialog(m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Add note"));
    dialog->setLabelText(tr("Note for the run's timeline (e.g. \"inoculated\", \"sample taken: OD 2.31\"):"));
    connect(dialog, &QInputDialog::textValueSelected, this, &RecordingActions::addNote);
    dialog->open();
}

RunViewerWindow *RecordingActions::openRun(const QString &runFile)
{
    auto *viewer = new RunViewerWindow(runFile, m_window);
    viewer->setWindowFlag(Qt::Window);
    viewer->resize(1200, 800);
    viewer->show();
    return viewer;
}

void RecordingActions::promptForRunToOpen()
{
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Open run (read-only)"),
                                                      QFileInfo(m_session->recorder()->path()).absolutePath(),
                                                      tr("ReactorDesk runs (*.rdrun)"));
    if (!path.isEmpty())
        openRun(path);
}

ExportDialog *RecordingActions::showExportDialog()
{
    auto *dialog = new ExportDialog(m_session->recorder()->path(), m_session->store()->channels(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

RunVerifyDialog *RecordingActions::verifyRun(const QString &runFile)
{
    auto *dialog = new RunVerifyDialog(runFile, AnchorLocation::standard(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    dialog->startVerify();
    return dialog;
}

// Window-modal and non-blocking: the event loop (plots, recording) goes on while the operator chooses.
void RecordingActions::promptForRunToVerify()
{
    auto *dialog = new QFileDialog(m_window, tr("Verify run file"),
                                   QFileInfo(m_session->recorder()->path()).absolutePath(),
                                   tr("ReactorDesk runs (*.rdrun)"));
    dialog->setObjectName(QStringLiteral("verifyRunFileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    connect(dialog, &QFileDialog::fileSelected, this, &RecordingActions::verifyRun);
    dialog->open();
}

void RecordingActions::promptToSavePlot()
{
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Save plot as"), QString(),
                                                      tr("PNG image (*.png);;PDF document (*.pdf)"));
    if (!path.isEmpty() && !m_plot->saveImage(path))
        showMessage(tr("Could not save %1").arg(path));
}
