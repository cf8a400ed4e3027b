#include "AlarmTableModel.h"

#include "AlarmManager.h"
#include "DisplayUnit.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>

AlarmTableModel::AlarmTableModel(AlarmManager *alarms, QObject *parent)
    : QAbstractTableModel(parent), m_alarms(alarms)
{
    connect(alarms, &AlarmManager::transitioned, this, &AlarmTableModel::refresh);
    refresh();
}

QString AlarmTableModel::stateText(AlarmState state)
{
    switch (state) {
    case AlarmState::Normal:
        return tr("Normal");
    case AlarmState::ActiveUnacked:
        return tr("Active, unacknowledged");
    case AlarmState::ActiveAcked:
        return tr("Active, acknowledged");
    case AlarmState::ReturnedUnacked:
        return tr("Returned, unacknowledged");
    case AlarmState::Shelved:
        return tr("Shelved");
    case AlarmState::OutOfService:
        return tr("Out of service");
    }
    return {};
}

QString AlarmTableModel::priorityText(AlarmPriority priority)
{
    switch (priority) {
    case AlarmPriority::Low:
        return tr("Low");
    case AlarmPriority::Medium:
        return tr("Medium");
    case AlarmPriority::High:
        return tr("High");
    }
    return {};
}

QString AlarmTableModel::kindText(AlarmKind kind)
{
    switch (kind) {
    case AlarmKind::Process:
        return tr("Process");
    case AlarmKind::Instrument:
        return tr("Instrument");
    case AlarmKind::Communication:
        return tr("Communication");
    case AlarmKind::System:
        return tr("System");
    }
    return {};
}

// Alarms are only ever appended (faults on first use), so a transition changes rows in place or adds rows at
// the end. Updating in place keeps the operator's selection: a reset would drop it whenever any other alarm
// changes state, just as they reach for Shelve.
void AlarmTableModel::refresh()
{
    const QList<AlarmStatus> rows = m_alarms->statuses();
    const qsizetype kept = m_rows.size();
    bool sameIds = rows.size() >= kept;
    for (qsizetype i = 0; sameIds && i < kept; ++i)
        sameIds = rows.at(i).definition.id == m_rows.at(i).definition.id;
    if (!sameIds) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
        return;
    }
    for (qsizetype i = 0; i < kept; ++i)
        m_rows[i] = rows.at(i);
    if (kept > 0)
        Q_EMIT dataChanged(index(0, 0), index(int(kept) - 1, ColumnCount - 1));
    if (rows.size() > kept) {
        beginInsertRows({}, int(kept), int(rows.size()) - 1);
        m_rows.append(rows.mid(kept));
        endInsertRows();
    }
}

void AlarmTableModel::setChannels(const QList<ChannelInfo> &channels)
{
    m_unitByChannel.clear();
    m_labelByChannel.clear();
    for (const ChannelInfo &channel : channels) {
        m_labelByChannel.insert(channel.name, channel.label);
        if (const QString unit = DisplayUnit::besideValue(channel); !unit.isEmpty()) // "6.8", not "6.8 pH"
            m_unitByChannel.insert(channel.name, unit);
    }
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, Value), index(int(m_rows.size()) - 1, Value));
}

int AlarmTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AlarmTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlarmTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const AlarmStatus &s = m_rows.at(index.row());
    if (role == IdRole)
        return s.definition.id;
    if (role == StateRole)
        return int(s.state);
    if (role == PriorityRole)
        return int(s.definition.priority);
    if (role == KindRole)
        return int(s.definition.kind);
    if (role == Qt::ForegroundRole && index.column() == State &&
        (s.state == AlarmState::ActiveUnacked || s.state == AlarmState::ReturnedUnacked))
        return QBrush(QColor(0xc0, 0x20, 0x20));
    if (role == Qt::BackgroundRole && s.definition.priority == AlarmPriority::High &&
        (s.state == AlarmState::ActiveUnacked || s.state == AlarmState::ActiveAcked))
        return QBrush(QColor(0xff, 0xe0, 0xe0));
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Time:
        return QDateTime::fromMSecsSinceEpoch(s.lastChangeMs)
            .toLocalTime()
            .toString(QStringLiteral("HH:mm:ss"));
    case Priority:
        return priorityText(s.definition.priority);
    case Kind:
        return kindText(s.definition.kind);
    case State:
        return stateText(s.state);
    case Text:
        return s.definition.text.isEmpty() ? s.definition.id : s.definition.text;
    case Value: {
        if (s.definition.channel.isEmpty())
            return {};
        const QString value = QString::number(s.lastValue, 'g', 4);
        const QString unit = m_unitByChannel.value(s.definition.channel);
        if (s.definition.condition == AlarmCondition::RateOfChange) // the slope, per minute
            return tr("%1 %2/min")
                .arg(value, unit.isEmpty() ? m_labelByChannel.value(s.definition.channel) : unit);
        return unit.isEmpty() ? value : tr("%1 %2").arg(value, unit);
    }
    case Note:
        if (s.state == AlarmState::Shelved)
            return tr("%1, until %2")
                .arg(s.note, QDateTime::fromMSecsSinceEpoch(s.shelvedUntilMs)
                                 .toLocalTime()
                                 .toString(QStringLiteral("HH:mm")));
        return s.note;
    }
    return {};
}

QVariant AlarmTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Since");
    case Priority:
        return tr("Priority");
    case Kind:
        return tr("Kind");
    case State:
        return tr("State");
    case Text:
        return tr("Alarm");
    case Value:
        return tr("Value");
    case Note:
        return tr("Note");
    }
    return {};
}
