#pragma once
// The alarms of an AlarmManager as table rows (time, priority, kind, state, alarm, value, note), refreshed on
// every transition. The row's alarm id is under Qt::UserRole; state, priority and kind as ints under
// StateRole, PriorityRole and KindRole for filtering.
#include <QAbstractTableModel>

#include "AlarmStatus.h"
#include "ChannelInfo.h"

#include <QHash>

class AlarmManager;

class AlarmTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Time,
        Priority,
        Kind,
        State,
        Text,
        Value,
        Note,
        ColumnCount
    };
    enum Roles
    {
        IdRole = Qt::UserRole,
        StateRole,
        PriorityRole,
        KindRole
    };

    explicit AlarmTableModel(AlarmManager *alarms, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void refresh();
    // The Value column shows a channel alarm's value with its channel's unit, as people write it.
    void setChannels(const QList<ChannelInfo> &channels);
    static QString stateText(AlarmState state);
    static QString priorityText(AlarmPriority priority);
    static QString kindText(AlarmKind kind);

private:
    AlarmManager *m_alarms;
    QList<AlarmStatus> m_rows;
    QHash<QString, QString> m_unitByChannel;
    QHash<QString, QString> m_labelByChannel; // "pH" for a pH slope: "-0.2 pH/min"
};
