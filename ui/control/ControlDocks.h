#pragma once
// Puts the control UI into a main window in one call: an "Alarms" dock (AlarmPanel), a "Control" dock with a
// ControlModePanel per actuator, the STOP ALL toolbar action (Esc Esc / Ctrl+Shift+Space), "Sign in...",
// "Sign out" and "Limits and alarm settings..." in the given menu, the signed-in user in the status bar, and
// a tray message (TrayNotifier; also a status-bar message) for every new high-priority alarm.
#include "ChannelInfo.h"

#include <QObject>

class AlarmPanel;
class ControlModePanel;
class ControlSystem;
class QLabel;
class QMainWindow;
class QMenu;
class QToolBar;
class StopAllAction;
class TrayNotifier;

class ControlDocks : public QObject
{
    Q_OBJECT
public:
    ControlDocks(QMainWindow *window, ControlSystem *control);

    void install(QMenu *menu, QToolBar *toolbar);
    // Opens the sign-in dialog (window-modal, not blocking); on a first start it creates the admin.
    void showLogin();
    // Opens "Limits and alarm settings" (window-modal, not blocking).
    void showLimits();
    // The station's channels: the PID pages offer them by label and unit, the alarm settings name them so.
    void setChannels(const QList<ChannelInfo> &channels);

    AlarmPanel *alarmPanel() const { return m_alarmPanel; }
    StopAllAction *stopAllAction() const { return m_stopAll; }
    QList<ControlModePanel *> modePanels() const { return m_modePanels; }
    TrayNotifier *trayNotifier() const { return m_tray; }

private:
    QMainWindow *m_window;
    ControlSystem *m_control;
    AlarmPanel *m_alarmPanel;
    StopAllAction *m_stopAll;
    QList<ControlModePanel *> m_modePanels;
    QLabel *m_user;
    TrayNotifier *m_tray;
    QList<ChannelInfo> m_channels;
};
