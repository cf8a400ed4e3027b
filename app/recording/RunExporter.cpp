#include "RunExporter.h"

#include "CsvWriter.h"
#include "Reading.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QSaveFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <map>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("RunExporter", text);
}

QString isoUtc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QString elapsedHours(qint64 ms, qint64 startMs)
{
    return QString::number((ms - startMs) / 3600000.0, 'f', 7);
}

struct ChannelColumn
{
    QString name;
    QString unit;
    int column;
};

// Scoped read-only connection, removed when done so exports can run on any thread.
class ReadOnlyRun
{
public:
    explicit ReadOnlyRun(const QString &path)
        : m_name(QStringLiteral("export-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!QFileInfo::exists(path))
            m_error = tr("run file %1 does not exist").arg(path);
        else if (!db.open())
            m_error = tr("cannot open run file %1: %2").arg(path, db.lastError().text());
    }
    ~ReadOnlyRun() { QSqlDatabase::removeDatabase(m_name); }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    QString error() const { return m_error; }

private:
    QString m_name;
    QString m_error;
};

RunExporter::Result failure(const QString &error)
{
    return {false, error, 0};
}
} // namespace

RunExporter::Result RunExporter::exportCsv(const QString &runFile, const QString &csvFile, Layout layout)
{
    Result result;
    {
        ReadOnlyRun run(runFile);
        if (!run.error().isEmpty())
            return failure(run.error());
        QSqlDatabase db = run.db();
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("SELECT id, name, unit FROM channels ORDER BY id")))
            return failure(tr("%1 is not a ReactorDesk run file: %2").arg(runFile, query.lastError().text()));
        std::map<qint64, ChannelColumn> channels;
        while (query.next())
            channels[query.value(0).toLongLong()] =
                ChannelColumn{query.value(1).toString(), query.value(2).toString(), int(channels.size())};
        if (!query.exec(QStringLiteral("SELECT MIN(t_ms) FROM readings")) || !query.next())
            return failure(tr("cannot read %1: %2").arg(runFile, query.lastError().text()));
        const qint64 startMs = query.value(0).toLongLong();

        QSaveFile out(csvFile);
        if (!out.open(QIODevice::WriteOnly))
            return failure(tr("cannot write %1: %2").arg(csvFile, out.errorString()));
        CsvWriter csv(&out);
        QStringList header{QStringLiteral("time_utc"), QStringLiteral("elapsed_h")};
        if (layout == Layout::Wide) {
            for (const auto &[id, channel] : channels)
                header << QStringLiteral("%1 [%2]").arg(channel.name, channel.unit);
        } else {
            header << QStringLiteral("channel") << QStringLiteral("value") << QStringLiteral("unit")
                   << QStringLiteral("quality");
        }
        csv.writeRow(header);

        query.setForwardOnly(true);
        if (!query.exec(QStringLiteral("SELECT t_ms, channel_id, value, quality FROM readings "
                                       "ORDER BY t_ms, channel_id")))
            return failure(tr("cannot read %1: %2").arg(runFile, query.lastError().text()));
        QStringList row;
        qint64 rowTime = -1;
        auto flushWideRow = [&] {
            if (rowTime >= 0 && csv.writeRow(row))
                ++result.rows;
        };
        while (query.next()) {
            const qint64 t = query.value(0).toLongLong();
            const auto channel = channels.find(query.value(1).toLongLong());
            if (channel == channels.end())
                continue;
            const QString value = CsvWriter::formatNumber(query.value(2).toDouble());
            if (layout == Layout::Long) {
                const QString quality = qualityName(Quality(query.value(3).toInt()));
                if (csv.writeRow({isoUtc(t), elapsedHours(t, startMs), channel->second.name, value,
                                  channel->second.unit, quality}))
                    ++result.rows;
                continue;
            }
            if (t != rowTime) {
                flushWideRow();
                rowTime = t;
                row = QStringList(int(channels.size()) + 2);
                row[0] = isoUtc(t);
                row[1] = elapsedHours(t, startMs);
            }
            row[2 + channel->second.column] = value;
        }
        if (layout == Layout::Wide)
            flushWideRow();
        if (!out.commit())
            return failure(tr("cannot write %1: %2").arg(csvFile, out.errorString()));
    }
    result.ok = true;
    return result;
}
