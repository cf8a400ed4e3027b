#include "CompoundTableModel.h"

#include <QBrush>
#include <QColor>

CompoundTableModel::CompoundTableModel(QObject *parent) : QAbstractTableModel(parent)
{
}

void CompoundTableModel::setNames(const QStringList &names)
{
    beginResetModel();
    m_rows.clear();
    for (const QString &name : names)
        m_rows.append({name, tr("queued"), QString(), std::nullopt});
    endResetModel();
}

void CompoundTableModel::setRetrying(int row, int retry, const QString &reason, int delayMs)
{
    m_rows[row].status = tr("retrying");
    m_rows[row].detail = tr("retry %1 in %2 s: %3").arg(retry).arg(delayMs / 1000.0, 0, 'f', 1).arg(reason);
    rowChanged(row);
}

void CompoundTableModel::setResult(int row, const CompoundLookupResult &result)
{
    Row &target = m_rows[row];
    target.result = result;
    target.status = CompoundLookupResult::statusName(result.status);
    switch (result.status) {
    case CompoundLookupResult::Status::Ambiguous:
        target.detail = tr("%n candidates: pick one by CID", nullptr, int(result.candidates.size()));
        break;
    case CompoundLookupResult::Status::Failed:
        target.detail = result.error;
        break;
    default:
        target.detail = result.stale       ? tr("offline: cached answer past its lifetime")
                        : result.fromCache ? tr("from cache")
                                           : QString();
    }
    rowChanged(row);
}

std::optional<double> CompoundTableModel::molecularWeight(int row) const
{
    if (row < 0 || row >= m_rows.size() || !m_rows.at(row).result)
        return std::nullopt;
    const CompoundRecord *compound = m_rows.at(row).result->compound();
    return compound && m_rows.at(row).result->status == CompoundLookupResult::Status::Found
               ? compound->molecularWeight
               : std::nullopt;
}

std::optional<qint64> CompoundTableModel::foundCid(int row) const
{
    if (row < 0 || row >= m_rows.size() || !m_rows.at(row).result ||
        m_rows.at(row).result->status != CompoundLookupResult::Status::Found)
        return std::nullopt;
    return m_rows.at(row).result->candidates.first().cid;
}

void CompoundTableModel::rowChanged(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int CompoundTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CompoundTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CompoundTableModel::cellText(const Row &row, int column) const
{
    switch (column) {
    case NameColumn:
        return row.name;
    case StatusColumn:
        return row.status;
    case DetailColumn:
        return row.detail;
    default:
        break;
    }
    if (!row.result)
        return {};
    if (column == CidColumn) {
        QStringList cids;
        for (const CompoundRecord &record : row.result->candidates)
            cids.append(QString::number(record.cid));
        return cids.join(QLatin1String("; "));
    }
    const CompoundRecord *compound = row.result->compound();
    if (!compound)
        return {};
    switch (column) {
    case FormulaColumn:
        return compound->molecularFormula;
    case WeightColumn:
        return compound->molecularWeight ? QString::number(*compound->molecularWeight) : QString();
    case IupacColumn:
        return compound->iupacName;
    case SmilesColumn:
        return compound->smiles.isEmpty() ? compound->connectivitySmiles : compound->smiles;
    case InchiKeyColumn:
        return compound->inchiKey;
    default:
        return {};
    }
}

QVariant CompoundTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
        return cellText(row, index.column());
    if (role == Qt::ForegroundRole && index.column() == StatusColumn && row.result &&
        row.result->status == CompoundLookupResult::Status::Failed)
        return QBrush(QColor(Qt::red));
    return {};
}

QVariant CompoundTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case StatusColumn:
        return tr("Status");
    case CidColumn:
        return tr("CID");
    case FormulaColumn:
        return tr("Formula");
    case WeightColumn:
        return tr("MW (g/mol)");
    case IupacColumn:
        return tr("IUPAC name");
    case SmilesColumn:
        return tr("SMILES");
    case InchiKeyColumn:
        return tr("InChIKey");
    case DetailColumn:
        return tr("Detail");
    }
    return {};
}

QString CompoundTableModel::toCsv() const
{
    const auto field = [](QString text) {
        if (text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) ||
            text.contains(QLatin1Char('\n')))
            text =
                QLatin1Char('"') + text.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
        return text;
    };
    QString csv;
    for (int column = 0; column < ColumnCount; ++column)
        csv +=
            (column ? QStringLiteral(",") : QString()) + field(headerData(column, Qt::Horizontal).toString());
    csv += QLatin1Char('\n');
    for (const Row &row : m_rows) {
        for (int column = 0; column < ColumnCount; ++column)
            csv += (column ? QStringLiteral(",") : QString()) + field(cellText(row, column));
        csv += QLatin1Char('\n');
    }
    return csv;
}
