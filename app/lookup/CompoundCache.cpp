#include "CompoundCache.h"

#include "LookupLog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

#include <atomic>

namespace {
QString uniqueConnectionName()
{
    static std::atomic<int> counter{0};
    return QStringLiteral("rd_lookup_cache_%1").arg(++counter);
}
} // namespace

QString CompoundCache::defaultFilePath()
{
    const QString fromEnvironment = qEnvironmentVariable(kEnvironmentVariable);
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) +
           QStringLiteral("/pubchem-cache.sqlite");
}

CompoundCache::CompoundCache(const QString &filePath, TimeToLive ttl, Clock clock)
    : m_filePath(filePath), m_connectionName(uniqueConnectionName()), m_ttl(ttl),
      m_clock(clock ? std::move(clock) : [] { return QDateTime::currentDateTimeUtc(); })
{
    QDir().mkpath(QFileInfo(filePath).absolutePath());
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(filePath);
    if (!db.open()) {
        m_error = QCoreApplication::translate("CompoundCache", "cannot open cache %1: %2")
                      .arg(filePath, db.lastError().text());
        qCWarning(lcLookup) << m_error;
        return;
    }
    QSqlQuery query(db);
    query.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    query.exec(QStringLiteral("PRAGMA synchronous=OFF"));
    if (!query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS lookup_cache ("
                                   "key TEXT PRIMARY KEY, payload TEXT NOT NULL, "
                                   "stored_at INTEGER NOT NULL, expires_at INTEGER NOT NULL)"))) {
        m_error = QCoreApplication::translate("CompoundCache", "cannot create the cache table in %1: %2")
                      .arg(filePath, query.lastError().text());
        qCWarning(lcLookup) << m_error;
        return;
    }
    m_open = true;
}

CompoundCache::~CompoundCache()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

qint64 CompoundCache::nowSecs() const
{
    return m_clock().toSecsSinceEpoch();
}

std::optional<CompoundCache::Entry> CompoundCache::find(const QString &key) const
{
    if (!m_open)
        return std::nullopt;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("SELECT payload, expires_at FROM lookup_cache WHERE key = ?"));
    query.addBindValue(key);
    if (!query.exec() || !query.next())
        return std::nullopt;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(query.value(0).toByteArray(), &parseError);
    if (!document.isObject()) {
        qCWarning(lcLookup) << "cache" << m_filePath << "entry" << key
                            << "is unreadable:" << parseError.errorString();
        return std::nullopt;
    }
    Entry entry;
    entry.result = CompoundLookupResult::fromJson(document.object());
    entry.result.fromCache = true;
    entry.expired = query.value(1).toLongLong() <= nowSecs();
    return entry;
}

bool CompoundCache::store(const QString &key, const CompoundLookupResult &result)
{
    if (!m_open || !result.isAnswer())
        return false;
    const qint64 now = nowSecs();
    const qint64 ttl =
        result.status == CompoundLookupResult::Status::NotFound ? m_ttl.notFoundSecs : m_ttl.answerSecs;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO lookup_cache (key, payload, stored_at, expires_at) "
                                 "VALUES (?, ?, ?, ?)"));
    query.addBindValue(key);
    query.addBindValue(QString::fromUtf8(QJsonDocument(result.toJson()).toJson(QJsonDocument::Compact)));
    query.addBindValue(now);
    query.addBindValue(now + ttl);
    if (!query.exec()) {
        qCWarning(lcLookup) << "cache" << m_filePath << "write failed:" << query.lastError().text();
        return false;
    }
    return true;
}

int CompoundCache::purgeExpired()
{
    if (!m_open)
        return 0;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("DELETE FROM lookup_cache WHERE expires_at <= ?"));
    query.addBindValue(nowSecs());
    return query.exec() ? query.numRowsAffected() : 0;
}

int CompoundCache::entryCount() const
{
    if (!m_open)
        return 0;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    return query.exec(QStringLiteral("SELECT COUNT(*) FROM lookup_cache")) && query.next()
               ? query.value(0).toInt()
               : 0;
}

QString CompoundCache::nameKey(const QString &name, const QString &properties)
{
    return QStringLiteral("name:%1|%2").arg(name.trimmed().toLower(), properties);
}

QString CompoundCache::cidKey(qint64 cid, const QString &properties)
{
    return QStringLiteral("cid:%1|%2").arg(cid).arg(properties);
}

QString CompoundCache::synonymsKey(qint64 cid)
{
    return QStringLiteral("synonyms:%1").arg(cid);
}
