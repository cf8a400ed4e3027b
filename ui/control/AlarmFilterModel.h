#pragma once
// Filters alarm rows by state (all, annunciated = not normal, unacknowledged, shelved/out of service), by
// minimum priority and by kind (process; instrument and communication faults; system faults of the
// workstation). The panel acknowledges "all visible" through this model, so a filter limits what is acked.
#include "AlarmTypes.h"

#include <QSortFilterProxyModel>

class AlarmFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum class StateFilter
    {
        All,
        NotNormal,
        Unacknowledged,
        Suppressed
    };
    enum class KindFilter
    {
        All,
        Process,
        InstrumentAndCommunication, // faults of the equipment: a Bad reading, a lost link, a stale model
        System
    };

    explicit AlarmFilterModel(QObject *parent = nullptr) : QSortFilterProxyModel(parent) {}

    void setStateFilter(StateFilter filter);
    void setMinimumPriority(int priority);
    void setKindFilter(KindFilter filter);
    QStringList visibleIds() const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool kindAccepted(AlarmKind kind) const;

    StateFilter m_state = StateFilter::NotNormal;
    int m_minimumPriority = 0;
    KindFilter m_kind = KindFilter::All;
};
