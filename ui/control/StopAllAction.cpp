#include "StopAllAction.h"

#include "ControlSystem.h"

StopAllAction::StopAllAction(ControlSystem *control, QObject *parent) : QAction(parent)
{
    setText(tr("STOP ALL"));
    setToolTip(tr("Put every pump in its safe state now (Esc Esc, or Ctrl+Shift+Space)"));
    setShortcuts(
        {QKeySequence(Qt::Key_Escape, Qt::Key_Escape), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Space)});
    setShortcutContext(Qt::ApplicationShortcut);
    connect(this, &QAction::triggered, this, [this, control] {
        const QString error = control->stopAll(tr("stop-all from the toolbar or keyboard"));
        if (!error.isEmpty())
            Q_EMIT refused(error);
    });
}
