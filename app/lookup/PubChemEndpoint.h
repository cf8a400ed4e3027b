#pragma once
// Where PUG REST lives and how its URLs and form bodies are built. The base URL can be replaced (tests,
// mirrors): --base-url on the command line, then the environment variable REACTORDESK_PUBCHEM_URL, then the
// QSettings key lookup/pubchemBaseUrl, then the public service.
#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

class PubChemEndpoint
{
public:
    static constexpr const char *kEnvironmentVariable = "REACTORDESK_PUBCHEM_URL";
    static constexpr const char *kSettingsKey = "lookup/pubchemBaseUrl";

    static QString defaultBaseUrl(); // https://pubchem.ncbi.nlm.nih.gov/rest/pug
    static QString defaultProperties();
    static QUrl resolveBaseUrl(const QString &commandLineValue = QString());

    explicit PubChemEndpoint(QUrl baseUrl = QUrl(defaultBaseUrl()));
    const QUrl &baseUrl() const { return m_base; }

    QUrl namePropertiesUrl(const QString &properties) const; // POST name=...
    QUrl cidPropertiesUrl(const QString &properties) const;  // POST cid=1,2,3
    QUrl cidSynonymsUrl() const;                             // POST cid=1,2,3
    // GET: the result of an asynchronous request (HTTP 202 Waiting) by its ListKey (digits).
    QUrl listKeyPropertiesUrl(const QString &listKey, const QString &properties) const;
    QUrl listKeySynonymsUrl(const QString &listKey) const;

    static QByteArray nameBody(const QString &name);
    static QByteArray cidBody(const QList<qint64> &cids);

private:
    QUrl withPath(const QString &suffix) const;
    QUrl m_base;
};
