#pragma once
// The alarm list: filter by state, priority and kind, acknowledge the selected alarm or all visible ones,
// shelve with a reason and expiry (and unshelve), take an alarm out of service with a reason and return it, a
// flood banner when more than 10 alarms started within 10 minutes. Every action goes to the AlarmManager as
// the signed-in user, which checks the role; refusals are shown, not hidden. Buttons that cannot apply to the
// selected alarm's state are disabled.
#include <QWidget>

#include "Actor.h"
#include "ChannelInfo.h"

#include <functional>

class AlarmFilterModel;
class AlarmManager;
class AlarmTableModel;
class QComboBox;
class QLabel;
class QPushButton;
class QTableView;
class UserSession;

class AlarmPanel : public QWidget
{
    Q_OBJECT
public:
    AlarmPanel(AlarmManager *alarms, UserSession *users, QWidget *parent = nullptr);

    AlarmFilterModel *filterModel() const { return m_filter; }
    QTableView *view() const { return m_view; }
    bool floodBannerVisible() const;
    QString lastError() const { return m_lastError; }

    void acknowledgeSelected();
    void acknowledgeAllVisible();
    void shelveSelected();
    void setChannels(const QList<ChannelInfo> &channels); // units in the Value column
    void unshelveSelected();
    void removeSelectedFromService(const QString &reason);
    void returnSelectedToService();

private:
    QString selectedId() const;
    void report(const QString &error);
    // Runs action on the selected alarm's id and shows its result (an error text, or nothing).
    void actOnSelected(const std::function<QString(const QString &id)> &action);
    void askReasonAndRemoveFromService();
    void updateButtons();

    AlarmManager *m_alarms;
    UserSession *m_users;
    AlarmTableModel *m_model;
    AlarmFilterModel *m_filter;
    QTableView *m_view;
    QComboBox *m_stateFilter;
    QComboBox *m_priorityFilter;
    QComboBox *m_kindFilter; // process alarms apart from equipment and workstation faults
    QLabel *m_floodBanner;
    QLabel *m_message;
    QPushButton *m_ack;
    QPushButton *m_shelve;
    QPushButton *m_unshelve;
    QPushButton *m_outOfService;
    QPushButton *m_returnToService;
    QString m_lastError;
};
