#pragma once
// How one item of a look-up batch ended: found (one compound), ambiguous (several candidates, all kept),
// not found, failed (with the reason) or cancelled. Every item of a batch ends in exactly one of these.
#include "CompoundRecord.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QStringList>

struct CompoundLookupResult
{
    enum class Status
    {
        Found,
        Ambiguous,
        NotFound,
        Failed,
        Cancelled
    };

    QString query; // the name, or the CID as text
    Status status = Status::Failed;
    QList<CompoundRecord> candidates; // one when Found, all of them when Ambiguous
    QStringList synonyms;             // only for synonym look-ups
    QString error;                    // why it Failed
    int attempts = 0;                 // HTTP requests made for it (0 when answered from the cache)
    bool fromCache = false;
    bool stale = false; // an expired cache entry used because the service could not be reached

    // An answer, as opposed to a failure: found, ambiguous and not found all count.
    bool isAnswer() const
    {
        return status == Status::Found || status == Status::Ambiguous || status == Status::NotFound;
    }
    const CompoundRecord *compound() const { return candidates.size() == 1 ? &candidates.first() : nullptr; }

    static QString statusName(Status status); // "done", "ambiguous", "not found", "error", "cancelled"
    QJsonObject toJson() const;               // what the cache stores (answers only)
    static CompoundLookupResult fromJson(const QJsonObject &object);
};

Q_DECLARE_METATYPE(CompoundLookupResult)
