#pragma once
// One batch of look-ups (asyncio.gather(..., return_exceptions=True) + as_completed): every item ends in its
// own CompoundLookupResult, emitted as it arrives, in whatever order answers come. Owned by the PubChemClient
// that made it; the receiver may deleteLater() it once finished() was emitted. Deleting it earlier abandons
// the items still pending.
#include "CompoundLookupResult.h"

#include <QObject>
#include <QVector>

class PubChemClient;

class LookupBatch : public QObject
{
    Q_OBJECT
public:
    ~LookupBatch() override;

    int size() const { return int(m_results.size()); }
    int finishedCount() const { return m_finishedCount; }
    bool isFinished() const { return m_finishedCount == size(); }
    bool isCancelled() const { return m_cancelled; }
    bool isItemFinished(int index) const { return m_itemFinished.at(index); }
    const CompoundLookupResult &result(int index) const { return m_results.at(index); }
    QString query(int index) const { return m_results.at(index).query; }

    // Stops the items still pending: each ends as Cancelled; requests already on the wire are aborted.
    void cancel();

Q_SIGNALS:
    void itemRetrying(int index, int retry, const QString &reason, int delayMs);
    void itemFinished(int index, const CompoundLookupResult &result);
    void progressChanged(int finished, int total);
    void finished();

private:
    friend class PubChemClient;
    LookupBatch(PubChemClient *client, const QStringList &queries);
    void finishItem(int index, CompoundLookupResult result);
    void finishIfEmpty();

    PubChemClient *m_client;
    QVector<CompoundLookupResult> m_results;
    QVector<bool> m_itemFinished;
    int m_finishedCount = 0;
    bool m_cancelled = false;
};
