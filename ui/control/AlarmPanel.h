#pragma once
// The alarm list: filter by state and priority, acknowledge the selected alarm or all visible ones, shelve
// with a reason and expiry, a flood banner when more than 10 alarms started within 10 minutes. Every action
// goes to the AlarmManager as the signed-in user, which checks the role; refusals are shown, not hidden.
#include <QWidget>

#include "Actor.h"

class AlarmFilterModel;
class AlarmManager;
class AlarmTableModel;
class QComboBox;
class QLabel;
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

private:
    QString selectedId() const;
    void report(const QString &error);

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
    QString m_lastError;
};
