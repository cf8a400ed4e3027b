#include "MeasurementTable.h"

#include <QCoreApplication>
#include <QFile>
#include <QList>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("MeasurementTable", text);
}

const QStringList &quantityNames()
{
    static const QStringList names = {"X", "S", "P", "V", "C", "OUR"};
    return names;
}
} // namespace

QString measuredQuantityName(MeasuredQuantity quantity)
{
    return quantityNames().at(int(quantity));
}

MeasurementTable parseMeasurementCsv(const QByteArray &csv, const QString &sourceName)
{
    MeasurementTable table;
    auto fail = [&](int line, const QString &problem) {
        table.error = QStringLiteral("%1:%2: %3").arg(sourceName).arg(line).arg(problem);
        table.rows.clear();
        return table;
    };
    const QList<QByteArray> lines = csv.split('\n');
    int headerLine = 0;
    QList<int> columnQuantity; // -1: t_h, otherwise a MeasuredQuantity
    int lineNumber = 0;
    for (QByteArray line : lines) {
        ++lineNumber;
        line = line.trimmed();
        if (line.isEmpty())
            continue;
        const QList<QByteArray> cells = line.split(',');
        if (headerLine == 0) {
            headerLine = lineNumber;
            bool haveTime = false;
            for (const QByteArray &cell : cells) {
                const QString name = QString::fromUtf8(cell.trimmed());
                if (name == QLatin1String("t_h")) {
                    haveTime = true;
                    columnQuantity.append(-1);
                } else if (quantityNames().contains(name)) {
                    const int q = int(quantityNames().indexOf(name));
                    if (table.columnPresent[std::size_t(q)])
                        return fail(lineNumber, tr("column \"%1\" appears twice").arg(name));
                    table.columnPresent[std::size_t(q)] = true;
                    columnQuantity.append(q);
                } else {
                    return fail(lineNumber, tr("unknown column \"%1\" (expected t_h and any of %2)")
                                                .arg(name, quantityNames().join(QLatin1Char(','))));
                }
            }
            if (!haveTime)
                return fail(lineNumber, tr("no t_h column"));
            continue;
        }
        if (cells.size() != columnQuantity.size())
            return fail(lineNumber,
                        tr("%1 cells, the header has %2").arg(cells.size()).arg(columnQuantity.size()));
        MeasurementRow row;
        for (int c = 0; c < cells.size(); ++c) {
            const QByteArray cell = cells.at(c).trimmed();
            const QString column =
                columnQuantity.at(c) < 0 ? QStringLiteral("t_h") : quantityNames().at(columnQuantity.at(c));
            if (cell.isEmpty()) {
                if (columnQuantity.at(c) < 0)
                    return fail(lineNumber, tr("t_h is empty"));
                continue;
            }
            bool ok = false;
            const double value = cell.toDouble(&ok);
            if (!ok || !std::isfinite(value))
                return fail(lineNumber,
                            tr("column %1: \"%2\" is not a number").arg(column, QString::fromUtf8(cell)));
            if (columnQuantity.at(c) < 0)
                row.tHours = value;
            else
                row.values[std::size_t(columnQuantity.at(c))] = value;
        }
        if (!table.rows.empty() && row.tHours < table.rows.back().tHours)
            return fail(lineNumber,
                        tr("t_h goes backwards (%1 after %2)").arg(row.tHours).arg(table.rows.back().tHours));
        table.rows.push_back(row);
    }
    if (headerLine == 0)
        return fail(1, tr("empty file (expected a header with t_h)"));
    return table;
}

MeasurementTable loadMeasurementCsv(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        MeasurementTable table;
        table.error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return table;
    }
    return parseMeasurementCsv(file.readAll(), path);
}
