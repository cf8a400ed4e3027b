#pragma once
// The rows of the compound panel: one per name, filled in as results arrive. Status text: queued, retrying,
// done, ambiguous, not found, error, cancelled; the Detail column says why (error reason, retry, candidates).
#include "CompoundLookupResult.h"

#include <QAbstractTableModel>
#include <QVector>

#include <optional>

class CompoundTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        StatusColumn,
        CidColumn,
        FormulaColumn,
        WeightColumn,
        IupacColumn,
        SmilesColumn,
        InchiKeyColumn,
        DetailColumn,
        ColumnCount
    };

    explicit CompoundTableModel(QObject *parent = nullptr);

    void setNames(const QStringList &names); // every row "queued"
    void setRetrying(int row, int retry, const QString &reason, int delayMs);
    void setResult(int row, const CompoundLookupResult &result);

    QString statusText(int row) const { return m_rows.at(row).status; }
    std::optional<double> molecularWeight(int row) const; // only for a single found compound
    std::optional<qint64> foundCid(int row) const;        // likewise
    QString toCsv() const;                                // header + every row, RFC 4180 quoting

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString name;
        QString status;
        QString detail;
        std::optional<CompoundLookupResult> result;
    };
    QString cellText(const Row &row, int column) const;
    void rowChanged(int row);

    QVector<Row> m_rows;
};
