#include "LookupBatch.h"

#include "PubChemClient.h"

LookupBatch::LookupBatch(PubChemClient *client, const QStringList &queries)
    : QObject(client), m_client(client), m_results(queries.size()), m_itemFinished(queries.size(), false)
{
    for (int i = 0; i < queries.size(); ++i)
        m_results[i].query = queries.at(i);
}

LookupBatch::~LookupBatch()
{
    m_cancelled = true;
    m_client->abandon(this);
}

void LookupBatch::cancel()
{
    if (m_cancelled || isFinished())
        return;
    m_cancelled = true;
    m_client->abandon(this);
    for (int i = 0; i < size(); ++i) {
        if (!m_itemFinished.at(i)) {
            CompoundLookupResult result;
            result.query = m_results.at(i).query;
            result.status = CompoundLookupResult::Status::Cancelled;
            finishItem(i, result);
        }
    }
}

void LookupBatch::finishItem(int index, CompoundLookupResult result)
{
    if (m_itemFinished.at(index))
        return;
    result.query = m_results.at(index).query;
    m_results[index] = std::move(result);
    m_itemFinished[index] = true;
    ++m_finishedCount;
    Q_EMIT itemFinished(index, m_results.at(index));
    Q_EMIT progressChanged(m_finishedCount, size());
    if (isFinished())
        Q_EMIT finished();
}

void LookupBatch::finishIfEmpty()
{
    if (m_results.isEmpty())
        Q_EMIT finished();
}
