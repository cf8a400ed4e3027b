#pragma once
// PubChem PUG REST client on the Qt event loop. Names are looked up one request each (name in a POST body);
// CIDs and synonym requests are batched. Every request passes the program-wide RateLimiter, failures are
// retried per RetryPolicy, answers are cached in CompoundCache (optional), and results arrive per item
// through the LookupBatch returned by each call. At most maxConcurrent requests are on the wire at once and
// at most maxQueuedRequests wait; items beyond that bound fail at once with a clear error.
#include "CompoundCache.h"
#include "CurlMultiLoop.h"
#include "LookupBatch.h"
#include "PubChemEndpoint.h"
#include "RateLimiter.h"
#include "RetryPolicy.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <deque>
#include <memory>

class HttpTransfer;

class PubChemClient : public QObject
{
    Q_OBJECT
public:
    struct Config
    {
        QUrl baseUrl = QUrl(PubChemEndpoint::defaultBaseUrl());
        QString properties = PubChemEndpoint::defaultProperties();
        int maxConcurrent = 5;
        int maxQueuedRequests = 5000;
        int cidsPerRequest = 100;
        int transferTimeoutMs = 30000;
        int connectTimeoutMs = 10000;
        RetryPolicy::Config retry;
    };

    // cache may be null (no caching); limiter defaults to the program-wide one.
    explicit PubChemClient(Config config, CompoundCache *cache = nullptr, RateLimiter *limiter = nullptr,
                           QObject *parent = nullptr);
    ~PubChemClient() override;

    LookupBatch *lookupNames(const QStringList &names);
    LookupBatch *lookupCids(const QList<qint64> &cids);
    LookupBatch *fetchSynonyms(const QList<qint64> &cids);

    int queuedRequests() const { return int(m_queue.size()); }
    int requestsInFlight() const { return int(m_inFlight.size()); }
    const Config &config() const { return m_config; }
    RateLimiter *rateLimiter() const { return m_limiter; }

Q_SIGNALS:
    void serverLoadReported(ServerLoad load);

private:
    friend class LookupBatch;
    enum class Kind
    {
        Name,
        CidProperties,
        Synonyms
    };
    struct Request
    {
        Kind kind;
        QPointer<LookupBatch> batch;
        QList<int> indices; // batch items this request answers
        QString name;       // Kind::Name
        QList<qint64> cids; // the other kinds, one per index
        int retriesDone = 0;
    };
    using RequestPtr = std::shared_ptr<Request>;

    LookupBatch *submit(Kind kind, const QStringList &queries, const QList<qint64> &cids);
    QString cacheKey(Kind kind, const QString &query) const;
    void enqueue(const RequestPtr &request);
    void pump();
    void send(const RequestPtr &request);
    void onTransferFinished(HttpTransfer *transfer);
    void answer(const RequestPtr &request, const HttpResponse &response);
    void answerItem(const RequestPtr &request, int position, CompoundLookupResult result);
    void abandon(LookupBatch *batch);
    QString describeFailure(const HttpResponse &response) const;

    Config m_config;
    PubChemEndpoint m_endpoint;
    CompoundCache *m_cache;
    RateLimiter *m_limiter;
    RetryPolicy m_retryPolicy;
    CurlMultiLoop m_loop;
    QTimer m_pumpTimer;
    std::deque<RequestPtr> m_queue;
    QHash<HttpTransfer *, RequestPtr> m_inFlight;
};
