#include "StationSaveActions.h"

#include "StationEditor.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QStandardPaths>
#include <QWidget>

#include <memory>

StationSaveActions::StationSaveActions(StationEditor *editor, QWidget *dialogParent)
    : QObject(dialogParent), m_editor(editor), m_dialogParent(dialogParent),
      m_save(new QAction(tr("&Save station"), this)), m_saveAs(new QAction(tr("Save station &as..."), this))
{
    m_save->setToolTip(
        tr("Write the instrument edits to the station file (the previous file is kept as .bak)"));
    m_saveAs->setToolTip(tr("Write the station, with its edits, to a new file and run from that file"));
    connect(m_save, &QAction::triggered, this, [this] { save({}); });
    connect(m_saveAs, &QAction::triggered, this, [this] { saveAs({}); });
    connect(m_editor, &StationEditor::unsavedEditsChanged, this, &StationSaveActions::updateEnabled);
    connect(m_editor, &StationEditor::saved, this, [this](const QString &path) {
        updateEnabled();
        Q_EMIT message(tr("Station saved to %1").arg(path));
    });
    connect(m_editor, &StationEditor::saveFailed, this, [this](const QStringList &errors) {
        updateEnabled();
        Q_EMIT message(tr("Station not saved:\n%1").arg(errors.join(QLatin1Char('\n'))));
    });
    updateEnabled();
}

void StationSaveActions::updateEnabled()
{
    const bool enabled = m_editor->hasUnsavedEdits() && !m_editor->isSaving();
    m_save->setEnabled(enabled);
    m_saveAs->setEnabled(enabled);
}

void StationSaveActions::save(const std::function<void()> &then)
{
    if (!m_editor->canSaveInPlace())
        return saveAs(then);
    started(m_editor->save(), then);
}

void StationSaveActions::saveAs(const std::function<void()> &then)
{
    const QString current = m_editor->stationFile();
    const QString folder = m_editor->canSaveInPlace()
                               ? QFileInfo(current).absolutePath()
                               : QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    auto *dialog =
        new QFileDialog(m_dialogParent, tr("Save station as"), folder, tr("Station files (*.json)"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("json"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this,
            [this, then](const QString &path) { started(m_editor->saveAs(path), then); });
    dialog->open();
}

void StationSaveActions::started(const QString &error, const std::function<void()> &then)
{
    updateEnabled();
    if (!error.isEmpty()) {
        Q_EMIT message(error);
        return;
    }
    if (!then)
        return;
    // Continue (quit) only once this save has succeeded; a failure is reported by the saveFailed handler.
    auto connections = std::make_shared<QList<QMetaObject::Connection>>();
    auto done = [connections] {
        for (const QMetaObject::Connection &c : std::as_const(*connections))
            QObject::disconnect(c);
    };
    connections->append(connect(m_editor, &StationEditor::saved, this, [done, then] {
        done();
        then();
    }));
    connections->append(connect(m_editor, &StationEditor::saveFailed, this, [done] { done(); }));
}

void StationSaveActions::askBeforeQuit(const std::function<void()> &proceed)
{
    if (!m_editor->hasUnsavedEdits())
        return proceed();
    auto *box =
        new QMessageBox(QMessageBox::Question, tr("Unsaved station edits"),
                        tr("The instruments of the station were changed and the changes are not saved "
                           "in the station file. Save them before quitting?"),
                        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, m_dialogParent);
    box->setDefaultButton(QMessageBox::Save);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, proceed] {
        const QMessageBox::StandardButton button = box->standardButton(box->clickedButton());
        if (button == QMessageBox::Save)
            save(proceed);
        else if (button == QMessageBox::Discard)
            proceed();
    });
    box->open();
}
