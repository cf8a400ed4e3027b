#include "CompoundLookupResult.h"

#include <QCoreApplication>
#include <QJsonArray>

QString CompoundLookupResult::statusName(Status status)
{
    switch (status) {
    case Status::Found:
        return QCoreApplication::translate("CompoundLookupResult", "done");
    case Status::Ambiguous:
        return QCoreApplication::translate("CompoundLookupResult", "ambiguous");
    case Status::NotFound:
        return QCoreApplication::translate("CompoundLookupResult", "not found");
    case Status::Failed:
        return QCoreApplication::translate("CompoundLookupResult", "error");
    case Status::Cancelled:
        return QCoreApplication::translate("CompoundLookupResult", "cancelled");
    }
    return {};
}

namespace {
const char *statusKey(CompoundLookupResult::Status status)
{
    switch (status) {
    case CompoundLookupResult::Status::Found:
        return "found";
    case CompoundLookupResult::Status::Ambiguous:
        return "ambiguous";
    case CompoundLookupResult::Status::NotFound:
        return "notfound";
    case CompoundLookupResult::Status::Failed:
        return "failed";
    case CompoundLookupResult::Status::Cancelled:
        return "cancelled";
    }
    return "failed";
}
} // namespace

QJsonObject CompoundLookupResult::toJson() const
{
    QJsonArray records;
    for (const CompoundRecord &record : candidates)
        records.append(record.toJson());
    QJsonObject object{{QStringLiteral("query"), query},
                       {QStringLiteral("status"), QLatin1String(statusKey(status))},
                       {QStringLiteral("candidates"), records}};
    if (!synonyms.isEmpty())
        object.insert(QStringLiteral("synonyms"), QJsonArray::fromStringList(synonyms));
    if (!error.isEmpty())
        object.insert(QStringLiteral("error"), error);
    return object;
}

CompoundLookupResult CompoundLookupResult::fromJson(const QJsonObject &object)
{
    CompoundLookupResult result;
    result.query = object.value(QStringLiteral("query")).toString();
    const QString status = object.value(QStringLiteral("status")).toString();
    for (Status candidate :
         {Status::Found, Status::Ambiguous, Status::NotFound, Status::Failed, Status::Cancelled}) {
        if (status == QLatin1String(statusKey(candidate)))
            result.status = candidate;
    }
    for (const QJsonValue &value : object.value(QStringLiteral("candidates")).toArray())
        result.candidates.append(CompoundRecord::fromJson(value.toObject()));
    for (const QJsonValue &value : object.value(QStringLiteral("synonyms")).toArray())
        result.synonyms.append(value.toString());
    result.error = object.value(QStringLiteral("error")).toString();
    return result;
}
