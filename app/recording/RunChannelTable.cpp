#include "RunChannelTable.h"

#include <QSqlError>
#include <QSqlQuery>

QList<RunChannel> RunChannelTable::load(QSqlDatabase &db, QString *error)
{
    QSqlQuery query(db);
    const bool declared = query.exec(QStringLiteral("SELECT id, name, unit, label, minimum, maximum FROM "
                                                    "channels ORDER BY id"));
    if (!declared && !query.exec(QStringLiteral("SELECT id, name, unit FROM channels ORDER BY id"))) {
        *error = query.lastError().text();
        return {};
    }
    QList<RunChannel> channels;
    while (query.next()) {
        RunChannel channel;
        channel.id = query.value(0).toLongLong();
        channel.info.name = query.value(1).toString();
        channel.info.unit = query.value(2).toString();
        channel.info.label = channel.info.name;
        if (declared && !query.value(3).isNull())
            channel.info.label = query.value(3).toString();
        if (declared && !query.value(4).isNull() && !query.value(5).isNull()) {
            channel.hasRange = true;
            channel.info.minimum = query.value(4).toDouble();
            channel.info.maximum = query.value(5).toDouble();
        }
        channels.append(channel);
    }
    return channels;
}
