#pragma once
// Local SQLite cache of look-up answers so repeated and offline look-ups never touch the network.
// Answers live for 30 days by default, "not found" for one day (PubChem adds names). Expired entries are kept
// until purged: the client falls back on them, marked stale, when the service cannot be reached.
// Writes use synchronous=OFF: losing the last entries in a power cut only costs a re-fetch, and the GUI
// thread never waits for an fsync.
#include "CompoundLookupResult.h"

#include <QDateTime>
#include <QString>

#include <functional>
#include <optional>

struct CacheTimeToLive
{
    qint64 answerSecs = 30LL * 24 * 3600;
    qint64 notFoundSecs = 24LL * 3600;
};

class CompoundCache
{
public:
    using Clock = std::function<QDateTime()>; // UTC

    using TimeToLive = CacheTimeToLive;

    struct Entry
    {
        CompoundLookupResult result;
        bool expired = false;
    };

    static constexpr const char *kEnvironmentVariable = "REACTORDESK_LOOKUP_CACHE";
    // $REACTORDESK_LOOKUP_CACHE, else <QStandardPaths::CacheLocation>/pubchem-cache.sqlite
    static QString defaultFilePath();

    explicit CompoundCache(const QString &filePath, TimeToLive ttl = TimeToLive(), Clock clock = {});
    ~CompoundCache();
    CompoundCache(const CompoundCache &) = delete;
    CompoundCache &operator=(const CompoundCache &) = delete;

    bool isOpen() const { return m_open; }
    QString errorString() const { return m_error; }
    QString filePath() const { return m_filePath; }

    std::optional<Entry> find(const QString &key) const;
    bool store(const QString &key, const CompoundLookupResult &result); // answers only
    int purgeExpired();
    int entryCount() const;

    static QString nameKey(const QString &name, const QString &properties);
    static QString cidKey(qint64 cid, const QString &properties);
    static QString synonymsKey(qint64 cid);

private:
    qint64 nowSecs() const;

    QString m_filePath;
    QString m_connectionName;
    TimeToLive m_ttl;
    Clock m_clock;
    bool m_open = false;
    QString m_error;
};
