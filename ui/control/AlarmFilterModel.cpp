#include "AlarmFilterModel.h"

#include "AlarmTableModel.h"
#include "AlarmTypes.h"

void AlarmFilterModel::setStateFilter(StateFilter filter)
{
    m_state = filter;
    invalidateFilter();
}

void AlarmFilterModel::setMinimumPriority(int priority)
{
    m_minimumPriority = priority;
    invalidateFilter();
}

void AlarmFilterModel::setKindFilter(KindFilter filter)
{
    m_kind = filter;
    invalidateFilter();
}

bool AlarmFilterModel::kindAccepted(AlarmKind kind) const
{
    switch (m_kind) {
    case KindFilter::All:
        return true;
    case KindFilter::Process:
        return kind == AlarmKind::Process;
    case KindFilter::InstrumentAndCommunication:
        return kind == AlarmKind::Instrument || kind == AlarmKind::Communication;
    case KindFilter::System:
        return kind == AlarmKind::System;
    }
    return true;
}

QStringList AlarmFilterModel::visibleIds() const
{
    QStringList ids;
    for (int row = 0; row < rowCount(); ++row)
        ids.append(index(row, 0).data(AlarmTableModel::IdRole).toString());
    return ids;
}

bool AlarmFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const auto state = AlarmState(index.data(AlarmTableModel::StateRole).toInt());
    if (index.data(AlarmTableModel::PriorityRole).toInt() < m_minimumPriority)
        return false;
    if (!kindAccepted(AlarmKind(index.data(AlarmTableModel::KindRole).toInt())))
        return false;
    switch (m_state) {
    case StateFilter::All:
        return true;
    case StateFilter::NotNormal:
        return state != AlarmState::Normal;
    case StateFilter::Unacknowledged:
        return state == AlarmState::ActiveUnacked || state == AlarmState::ReturnedUnacked;
    case StateFilter::Suppressed:
        return state == AlarmState::Shelved || state == AlarmState::OutOfService;
    }
    return true;
}
