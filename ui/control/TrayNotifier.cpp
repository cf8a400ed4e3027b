#include "TrayNotifier.h"

#include "AppIcon.h"

#include <QSystemTrayIcon>

TrayNotifier::TrayNotifier(QObject *parent) : QObject(parent)
{
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(appIcon(), this);
        m_tray->setToolTip(tr("ReactorDesk"));
        m_tray->show();
    }
}

void TrayNotifier::alarmTransitioned(const AlarmTransition &transition)
{
    if (m_filter.shouldNotify(transition))
        notify(tr("High-priority alarm: %1").arg(transition.text));
}

void TrayNotifier::notify(const QString &text)
{
    if (m_tray)
        m_tray->showMessage(tr("ReactorDesk"), text, QSystemTrayIcon::Warning);
    Q_EMIT notified(text);
}
