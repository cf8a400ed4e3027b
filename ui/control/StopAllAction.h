#pragma once
// Stop-all for the toolbar and the keyboard: Esc pressed twice, or Ctrl+Shift+Space. It asks ControlSystem to
// put every actuator in its safe state as the signed-in user (no confirmation dialog: it must be quick).
// refused() carries the reason when the user's role may not do it.
#include <QAction>

class ControlSystem;

class StopAllAction : public QAction
{
    Q_OBJECT
public:
    explicit StopAllAction(ControlSystem *control, QObject *parent = nullptr);

Q_SIGNALS:
    void refused(const QString &message);
};
