#include "PubChemClient.h"

#include "HttpTransfer.h"
#include "LookupLog.h"
#include "PubChemParser.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QSet>

#include <cmath>

PubChemClient::PubChemClient(Config config, CompoundCache *cache, RateLimiter *limiter, QObject *parent)
    : QObject(parent), m_config(std::move(config)), m_endpoint(m_config.baseUrl), m_cache(cache),
      m_limiter(limiter ? limiter : &RateLimiter::programWide()), m_retryPolicy(m_config.retry)
{
    qRegisterMetaType<CompoundLookupResult>();
    m_pumpTimer.setSingleShot(true);
    m_pumpTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_pumpTimer, &QTimer::timeout, this, &PubChemClient::pump);
}

PubChemClient::~PubChemClient()
{
    // Batches call abandon() from their destructors: run those while this object is still whole.
    qDeleteAll(findChildren<LookupBatch *>(QString(), Qt::FindDirectChildrenOnly));
    qDeleteAll(m_inFlight.keys());
    m_inFlight.clear();
}

LookupBatch *PubChemClient::lookupNames(const QStringList &names)
{
    return submit(Kind::Name, names, {});
}

LookupBatch *PubChemClient::lookupCids(const QList<qint64> &cids)
{
    QStringList queries;
    for (qint64 cid : cids)
        queries.append(QString::number(cid));
    return submit(Kind::CidProperties, queries, cids);
}

LookupBatch *PubChemClient::fetchSynonyms(const QList<qint64> &cids)
{
    QStringList queries;
    for (qint64 cid : cids)
        queries.append(QString::number(cid));
    return submit(Kind::Synonyms, queries, cids);
}

QString PubChemClient::cacheKey(Kind kind, const QString &query) const
{
    switch (kind) {
    case Kind::Name:
        return CompoundCache::nameKey(query, m_config.properties);
    case Kind::CidProperties:
        return CompoundCache::cidKey(query.toLongLong(), m_config.properties);
    case Kind::Synonyms:
        return CompoundCache::synonymsKey(query.toLongLong());
    }
    return {};
}

LookupBatch *PubChemClient::submit(Kind kind, const QStringList &queries, const QList<qint64> &cids)
{
    auto *batch = new LookupBatch(this, queries);
    // Results are delivered from the event loop, never from inside this call, so callers can connect first.
    const auto deliverLater = [batch](int index, CompoundLookupResult result) {
        QMetaObject::invokeMethod(
            batch, [batch, index, result] { batch->finishItem(index, result); }, Qt::QueuedConnection);
    };
    RequestPtr cidRequest;
    for (int i = 0; i < queries.size(); ++i) {
        const QString query = queries.at(i).trimmed();
        if (m_cache) {
            if (const auto entry = m_cache->find(cacheKey(kind, query)); entry && !entry->expired) {
                deliverLater(i, entry->result);
                continue;
            }
        }
        if (kind == Kind::Name && query.isEmpty()) {
            CompoundLookupResult result;
            result.status = CompoundLookupResult::Status::Failed;
            result.error = tr("empty name");
            deliverLater(i, result);
            continue;
        }
        if (kind == Kind::Name) {
            auto request = std::make_shared<Request>(Request{kind, batch, {i}, query, {}, 0, {}, 0, {}});
            enqueue(request);
            continue;
        }
        if (!cidRequest || cidRequest->indices.size() >= m_config.cidsPerRequest) {
            cidRequest = std::make_shared<Request>(Request{kind, batch, {}, {}, {}, 0, {}, 0, {}});
            enqueue(cidRequest);
        }
        cidRequest->indices.append(i);
        cidRequest->cids.append(cids.at(i));
    }
    QMetaObject::invokeMethod(batch, &LookupBatch::finishIfEmpty, Qt::QueuedConnection);
    pump();
    return batch;
}

void PubChemClient::enqueue(const RequestPtr &request)
{
    if (int(m_queue.size()) >= m_config.maxQueuedRequests) {
        // Bounded queue: refuse instead of growing without limit.
        LookupBatch *batch = request->batch;
        const QString error = tr("look-up queue full (%1 requests waiting)").arg(m_queue.size());
        for (int index : std::as_const(request->indices)) {
            QMetaObject::invokeMethod(
                batch,
                [batch, index, error] {
                    CompoundLookupResult result;
                    result.status = CompoundLookupResult::Status::Failed;
                    result.error = error;
                    batch->finishItem(index, result);
                },
                Qt::QueuedConnection);
        }
        return;
    }
    m_queue.push_back(request);
}

void PubChemClient::pump()
{
    while (!m_queue.empty() && m_inFlight.size() < m_config.maxConcurrent) {
        const RequestPtr request = m_queue.front();
        if (!request->batch || request->batch->isCancelled()) {
            m_queue.pop_front();
            continue;
        }
        const qint64 waitMs = m_limiter->msUntilAllowed();
        if (waitMs > 0) {
            if (!m_pumpTimer.isActive() || m_pumpTimer.remainingTime() > waitMs)
                m_pumpTimer.start(int(waitMs));
            return;
        }
        m_queue.pop_front();
        m_limiter->recordRequest();
        send(request);
    }
}

void PubChemClient::send(const RequestPtr &request)
{
    HttpRequest http;
    http.timeoutMs = m_config.transferTimeoutMs;
    http.connectTimeoutMs = m_config.connectTimeoutMs;
    if (!request->listKey.isEmpty()) {
        // Polling an asynchronous answer: GET its result by ListKey.
        http.url = request->kind == Kind::Synonyms
                       ? m_endpoint.listKeySynonymsUrl(request->listKey)
                       : m_endpoint.listKeyPropertiesUrl(request->listKey, m_config.properties);
    } else {
        switch (request->kind) {
        case Kind::Name:
            http.url = m_endpoint.namePropertiesUrl(m_config.properties);
            http.postBody = PubChemEndpoint::nameBody(request->name);
            break;
        case Kind::CidProperties:
            http.url = m_endpoint.cidPropertiesUrl(m_config.properties);
            http.postBody = PubChemEndpoint::cidBody(request->cids);
            break;
        case Kind::Synonyms:
            http.url = m_endpoint.cidSynonymsUrl();
            http.postBody = PubChemEndpoint::cidBody(request->cids);
            break;
        }
    }
    qCDebug(lcLookup) << (http.postBody ? "POST" : "GET") << http.url.toString()
                      << http.postBody.value_or(QByteArray());
    HttpTransfer *transfer = m_loop.start(http, this);
    m_inFlight.insert(transfer, request);
    connect(transfer, &HttpTransfer::finished, this, &PubChemClient::onTransferFinished);
}

void PubChemClient::onTransferFinished(HttpTransfer *transfer)
{
    const RequestPtr request = m_inFlight.take(transfer);
    const HttpResponse response = transfer->response();
    transfer->deleteLater();
    if (!request || !request->batch || request->batch->isCancelled()) {
        pump();
        return;
    }
    const ServerLoad load = parseThrottlingControl(response.header("x-throttling-control"));
    if (load != ServerLoad::Unknown) {
        m_limiter->reportServerLoad(load);
        Q_EMIT serverLoadReported(load);
    }
    if (const auto delayMs = m_retryPolicy.delayBeforeRetry(response, request->retriesDone)) {
        ++request->retriesDone;
        const QString reason = describeFailure(response);
        qCInfo(lcLookup) << "retry" << request->retriesDone << "in" << *delayMs << "ms:" << reason;
        for (int index : std::as_const(request->indices))
            Q_EMIT request->batch->itemRetrying(index, request->retriesDone, reason, *delayMs);
        requeueAfter(request, *delayMs);
    } else if (response.transportOk() && response.status == 202) {
        pollLater(request, response);
    } else {
        answer(request, response);
    }
    pump();
}

void PubChemClient::requeueAfter(const RequestPtr &request, int delayMs)
{
    QTimer::singleShot(delayMs, request->batch, [this, request] {
        if (request->batch && !request->batch->isCancelled()) {
            m_queue.push_front(request);
            pump();
        }
    });
}

void PubChemClient::pollLater(const RequestPtr &request, const HttpResponse &response)
{
    const QString listKey = PubChemParser::parseWaitingListKey(response.body);
    if (listKey.isEmpty()) {
        answer(request, response); // a 202 without a usable ListKey: fails with what the body says
        return;
    }
    if (request->listKey.isEmpty())
        request->asyncDeadline.setRemainingTime(m_config.asyncDeadlineMs);
    request->listKey = listKey;
    if (request->asyncDeadline.hasExpired()) {
        HttpResponse late = response;
        late.status = 0;
        late.errorText = tr("PubChem was still working on the request (ListKey %1) after %2 s")
                             .arg(listKey)
                             .arg(m_config.asyncDeadlineMs / 1000.0);
        late.failure = HttpResponse::Failure::Timeout;
        answer(request, late);
        return;
    }
    // Exponential backoff with jitter, so that many waiting requests do not poll in step.
    const double grown = m_config.asyncFirstPollMs * std::pow(2.0, std::min(request->polls, 16));
    const double jitter = 0.75 + 0.5 * QRandomGenerator::global()->generateDouble();
    const int delayMs = int(std::min<qint64>(std::min(grown, double(m_config.asyncMaxPollMs)) * jitter,
                                             std::max<qint64>(0, request->asyncDeadline.remainingTime())));
    ++request->polls;
    const QString reason = tr("PubChem is still working (ListKey %1)").arg(listKey);
    qCInfo(lcLookup) << "poll" << request->polls << "in" << delayMs << "ms:" << reason;
    for (int index : std::as_const(request->indices))
        Q_EMIT request->batch->itemRetrying(index, request->polls, reason, delayMs);
    requeueAfter(request, delayMs);
}

QString PubChemClient::describeFailure(const HttpResponse &response) const
{
    if (!response.transportOk())
        return response.errorText;
    const PubChemParser::Fault fault = PubChemParser::parseFault(response.body);
    QString text = tr("HTTP %1").arg(response.status);
    if (!fault.code.isEmpty())
        text += QLatin1Char(' ') + fault.code;
    if (!fault.message.isEmpty())
        text += QStringLiteral(": ") + fault.message;
    return text;
}

void PubChemClient::answerItem(const RequestPtr &request, int position, CompoundLookupResult result)
{
    result.attempts = request->retriesDone + 1;
    LookupBatch *batch = request->batch;
    const int index = request->indices.at(position);
    const QString key = cacheKey(request->kind, batch->query(index).trimmed());
    if (m_cache) {
        if (result.isAnswer()) {
            m_cache->store(key, result);
        } else if (const auto stale = m_cache->find(key)) {
            // Unreachable or failing service: an expired answer is better than none; say that it is old.
            qCInfo(lcLookup) << "using expired cache entry for" << batch->query(index)
                             << "after:" << result.error;
            const int attempts = result.attempts;
            result = stale->result;
            result.stale = stale->expired;
            result.attempts = attempts;
        }
    }
    batch->finishItem(index, result);
}

void PubChemClient::answer(const RequestPtr &request, const HttpResponse &response)
{
    using Status = CompoundLookupResult::Status;
    const QPointer<LookupBatch> batch = request->batch;
    const int items = request->indices.size();
    const auto failAll = [&](const QString &error) {
        for (int position = 0; position < items && batch; ++position) {
            CompoundLookupResult result;
            result.status = Status::Failed;
            result.error = error;
            answerItem(request, position, result);
        }
    };
    const auto notFoundAll = [&] {
        for (int position = 0; position < items && batch; ++position) {
            CompoundLookupResult result;
            result.status = Status::NotFound;
            answerItem(request, position, result);
        }
    };

    if (!response.transportOk()) {
        QString error = response.errorText;
        if (request->retriesDone > 0)
            error += tr(" (after %n retries)", nullptr, request->retriesDone);
        failAll(error);
        return;
    }
    if (response.status == 404) {
        notFoundAll();
        return;
    }
    if (response.status != 200) {
        QString error = describeFailure(response);
        if (request->retriesDone > 0)
            error += tr(" (after %n retries)", nullptr, request->retriesDone);
        failAll(error);
        return;
    }

    if (request->kind == Kind::Synonyms) {
        const auto list = PubChemParser::parseInformationList(response.body, QStringLiteral("Synonym"));
        if (!list.error.isEmpty()) {
            failAll(tr("unreadable synonym list: %1").arg(list.error));
            return;
        }
        for (int position = 0; position < items && batch; ++position) {
            CompoundLookupResult result;
            result.status = Status::NotFound;
            for (const auto &[cid, synonyms] : list.entries) {
                if (cid == request->cids.at(position)) {
                    result.status = Status::Found;
                    result.synonyms = synonyms;
                    CompoundRecord record;
                    record.cid = cid;
                    record.title = synonyms.value(0);
                    result.candidates = {record};
                }
            }
            answerItem(request, position, result);
        }
        return;
    }

    const PubChemParser::PropertyTable table = PubChemParser::parsePropertyTable(response.body);
    if (!table.error.isEmpty()) {
        failAll(tr("unreadable answer from PubChem: %1").arg(table.error));
        return;
    }
    if (request->kind == Kind::Name) {
        CompoundLookupResult result;
        QSet<qint64> seen;
        for (const CompoundRecord &record : table.records) {
            if (!seen.contains(record.cid)) {
                seen.insert(record.cid);
                result.candidates.append(record);
            }
        }
        result.status = result.candidates.isEmpty()     ? Status::NotFound
                        : result.candidates.size() == 1 ? Status::Found
                                                        : Status::Ambiguous;
        answerItem(request, 0, result);
        return;
    }
    for (int position = 0; position < items && batch; ++position) {
        CompoundLookupResult result;
        result.status = Status::NotFound;
        for (const CompoundRecord &record : table.records) {
            if (record.cid == request->cids.at(position)) {
                result.status = Status::Found;
                result.candidates = {record};
                break;
            }
        }
        answerItem(request, position, result);
    }
}

void PubChemClient::abandon(LookupBatch *batch)
{
    for (auto it = m_queue.begin(); it != m_queue.end();) {
        if ((*it)->batch == batch || !(*it)->batch)
            it = m_queue.erase(it);
        else
            ++it;
    }
    for (auto it = m_inFlight.begin(); it != m_inFlight.end();) {
        if (it.value()->batch == batch || !it.value()->batch) {
            HttpTransfer *transfer = it.key();
            it = m_inFlight.erase(it);
            delete transfer; // leaves the multi handle; no finished signal
        } else {
            ++it;
        }
    }
    QTimer::singleShot(0, this, &PubChemClient::pump);
}
