#pragma once
// The system tray icon (the application's icon) and its messages: one for each new high-priority alarm (as
// AlarmNotificationFilter decides) and for anything else worth a notification. Without a system tray (the
// offscreen platform, some desktops) there is no icon and messages only go out as the notified() signal,
// which the window shows in its status bar.
#include "AlarmNotificationFilter.h"

#include <QObject>

class QSystemTrayIcon;

class TrayNotifier : public QObject
{
    Q_OBJECT
public:
    explicit TrayNotifier(QObject *parent = nullptr);

    bool hasTrayIcon() const { return m_tray != nullptr; }
    void alarmTransitioned(const AlarmTransition &transition);
    void notify(const QString &text);

Q_SIGNALS:
    void notified(const QString &text);

private:
    AlarmNotificationFilter m_filter;
    QSystemTrayIcon *m_tray = nullptr;
};
