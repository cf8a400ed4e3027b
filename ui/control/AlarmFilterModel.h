#pragma once
// Filters alarm rows by state (all, annunciated = not normal, unacknowledged, shelved/out of service) and by
// minimum priority. The panel acknowledges "all visible" through this model, so a filter limits what is
// acked.
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

    explicit AlarmFilterModel(QObject *parent = nullptr) : QSortFilterProxyModel(parent) {}

    void setStateFilter(StateFilter filter);
    void setMinimumPriority(int priority);
    QStringList visibleIds() const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    StateFilter m_state = StateFilter::NotNormal;
    int m_minimumPriority = 0;
};
