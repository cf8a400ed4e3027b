#pragma once
// PubChem PUG REST client on the Qt event loop. Names are looked up one request each (name in a POST body);
// CIDs and synonym requests are batched. Every request passes the program-wide RateLimiter, failures are
// retried per RetryPolicy, answers are cached in CompoundCache (optional), and results arrive per item
// through the LookupBatch returned by each call. At most maxConcurrent requests are on the wire at once and
// at most maxQueuedRequests wait; items beyond that bound fail at once with a clear error. An asynchronous
// answer (HTTP 202 Waiting with a ListKey) is polled by ListKey with growing, jittered delays, each poll
// through the rate limiter, until the result comes or asyncDeadlineMs after the first 202 have passed.
#include "CompoundCache.h"
#include "CurlMultiLoop.h"
#include "LookupBatch.h"
#include "PubChemEndpoint.h"
#include "RateLimiter.h"
#include "RetryPolicy.h"

#include <QDeadlineTimer>
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
        int asyncFirstPollMs = 1000; // delay before the first poll; doubles per poll (+-25 % jitter)
        int asyncMaxPollMs = 10000;
        int asyncDeadlineMs = 120000; // after the first 202: then the items fail
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
        QString listKey; // set by a 202 Waiting answer: the request becomes a GET of this result
        int polls = 0;
        QDeadlineTimer asyncDeadline;
    };
    using RequestPtr = std::shared_ptr<Request>;

    LookupBatch *submit(Kind kind, const QStringList &queries, const QList<qint64> &cids);
    QString cacheKey(Kind kind, const QString &query) const;
    void enqueue(const RequestPtr &request);
    void pump();
    void send(const RequestPtr &request);
    void onTransferFinished(HttpTransfer *transfer);
    // After a 202 Waiting: poll again later, or fail the items when the answer has no ListKey or the deadline
    // has passed.
    void pollLater(const RequestPtr &request, const HttpResponse &response);
    // Puts the request back at the front of the queue after delayMs (the limiter applies when it is sent).
    void requeueAfter(const RequestPtr &request, int delayMs);
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
