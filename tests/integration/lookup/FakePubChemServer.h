#pragma once
// A loopback stand-in for PubChem PUG REST (127.0.0.1 only), serving the fixtures in tests/fixtures/pubchem
// with keep-alive, injectable latency, gzip, chunked and slow bodies, scripted failures per name (503 storms
// with the throttling header, HTML error pages, malformed JSON, truncated bodies, stalled bodies, connection
// resets, asynchronous 202 Waiting answers with a ListKey to poll) and an optional 5 requests/s enforcement
// like the real service. It timestamps every request so
// tests can check that the client never exceeded the policy.
//
// Names it knows: those in known_compounds.json, "50-78-2" (ambiguous: the four CIDs of
// pcc_04_xref_rn_50-78-2_multiple_cids.txt) and synthetic "compound-<n>" (CID 900000 + n). Others: 404.
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QTcpServer>
#include <QUrl>

#include <optional>

class QTcpSocket;

class FakePubChemServer : public QObject
{
    Q_OBJECT
public:
    enum class Behaviour
    {
        Answer,
        Busy503Json,
        Busy503Html,
        GatewayTimeout504,
        ServerError500Html,
        BadRequest400,
        MalformedJson,
        TruncatedBody,
        ResetConnection,
        StallBody,
        Waiting202 // HTTP 202 {"Waiting":{"ListKey":...}}; the result is then polled by GET
                   // .../listkey/<key>/...
    };

    explicit FakePubChemServer(const QString &fixtureDirectory, QObject *parent = nullptr);
    bool listen();
    QUrl baseUrl() const; // http://127.0.0.1:<port>/rest/pug

    void setLatencyMs(int ms) { m_latencyMs = ms; }
    void setLatencyFor(const QString &name, int ms) { m_latencyByName.insert(name, ms); }
    void setGzip(bool on) { m_gzip = on; }
    void setChunked(bool on, int chunkBytes = 64, int chunkDelayMs = 0);
    void setThrottlingStatus(const QByteArray &status) { m_throttlingStatus = status; } // empty: no header
    void setRetryAfterSeconds(int seconds) { m_retryAfterSeconds = seconds; }           // on 503, 0: none
    void setEnforcedLimitPerSecond(int perSecond) { m_enforcedPerSecond = perSecond; }  // 0: off
    // The next requests for `name` get these behaviours in turn, then normal answers.
    void script(const QString &name, const QList<Behaviour> &behaviours);

    int requestCount() const { return int(m_arrivalsMs.size()); }
    int requestCountFor(const QString &name) const { return m_requestsByName.value(name); }
    int connectionsAccepted() const { return m_connections; }
    int busyRejections() const { return m_busyRejections; }
    int listKeyPolls() const { return m_listKeyPolls; } // GETs of .../listkey/<key>/...
    int maxRequestsInAnyWindow(qint64 windowMs) const;
    qint64 nowMs() const { return m_clock.elapsed(); }

private:
    struct Reply
    {
        int status = 200;
        QByteArray contentType = "application/json";
        QByteArray body;
        Behaviour behaviour = Behaviour::Answer;
    };

    void loadFixtures();
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    Reply route(const QByteArray &method, const QByteArray &path, const QByteArray &body, QString *name);
    Reply answerNames(const QString &name, const QStringList &properties);
    Reply answerCids(const QList<qint64> &cids, const QStringList &properties);
    Reply answerSynonyms(const QList<qint64> &cids);
    Reply failure(Behaviour behaviour) const;
    // The scripted reply for the next request about `name`, or nothing for a normal answer.
    std::optional<Reply> scripted(const QString &name);
    QJsonObject selectProperties(const QJsonObject &record, const QStringList &properties,
                                 bool oldKeys) const;
    void send(QTcpSocket *socket, const Reply &reply, bool acceptsGzip);
    void writeChunks(QTcpSocket *socket, QByteArray body);
    QByteArray fixture(const QString &name) const;

    QTcpServer m_server;
    QString m_fixtureDirectory;
    QElapsedTimer m_clock;
    QHash<QString, QJsonObject> m_recordsByName; // lower-case name -> record
    QHash<qint64, QJsonObject> m_recordsByCid;
    QSet<qint64> m_oldKeyCids;
    QList<qint64> m_ambiguousCids;
    QStringList m_synonyms5756;
    QHash<QString, QList<Behaviour>> m_scripts;
    QHash<QString, QString> m_namesByListKey;
    int m_listKeyPolls = 0;
    QHash<QString, int> m_latencyByName;
    QHash<QString, int> m_requestsByName;
    QList<qint64> m_arrivalsMs;
    int m_latencyMs = 0;
    bool m_gzip = true;
    bool m_chunked = true;
    int m_chunkBytes = 64;
    int m_chunkDelayMs = 0;
    QByteArray m_throttlingStatus = "Green";
    int m_retryAfterSeconds = 0;
    int m_enforcedPerSecond = 0;
    int m_connections = 0;
    int m_busyRejections = 0;
};
