#include "PubChemEndpoint.h"

#include <QSettings>

QString PubChemEndpoint::defaultBaseUrl()
{
    return QStringLiteral("https://pubchem.ncbi.nlm.nih.gov/rest/pug");
}

QString PubChemEndpoint::defaultProperties()
{
    return QStringLiteral(
        "Title,MolecularFormula,MolecularWeight,ExactMass,IUPACName,SMILES,ConnectivitySMILES,"
        "InChIKey,XLogP,Charge");
}

QUrl PubChemEndpoint::resolveBaseUrl(const QString &commandLineValue)
{
    if (!commandLineValue.isEmpty())
        return QUrl(commandLineValue);
    const QString fromEnvironment = qEnvironmentVariable(kEnvironmentVariable);
    if (!fromEnvironment.isEmpty())
        return QUrl(fromEnvironment);
    const QString fromSettings = QSettings().value(QLatin1String(kSettingsKey)).toString();
    if (!fromSettings.isEmpty())
        return QUrl(fromSettings);
    return QUrl(defaultBaseUrl());
}

PubChemEndpoint::PubChemEndpoint(QUrl baseUrl) : m_base(std::move(baseUrl))
{
}

QUrl PubChemEndpoint::withPath(const QString &suffix) const
{
    QUrl url = m_base;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + suffix);
    return url;
}

QUrl PubChemEndpoint::namePropertiesUrl(const QString &properties) const
{
    return withPath(QStringLiteral("/compound/name/property/%1/JSON").arg(properties));
}

QUrl PubChemEndpoint::cidPropertiesUrl(const QString &properties) const
{
    return withPath(QStringLiteral("/compound/cid/property/%1/JSON").arg(properties));
}

QUrl PubChemEndpoint::cidSynonymsUrl() const
{
    return withPath(QStringLiteral("/compound/cid/synonyms/JSON"));
}

QUrl PubChemEndpoint::listKeyPropertiesUrl(const QString &listKey, const QString &properties) const
{
    return withPath(QStringLiteral("/compound/listkey/%1/property/%2/JSON").arg(listKey, properties));
}

QUrl PubChemEndpoint::listKeySynonymsUrl(const QString &listKey) const
{
    return withPath(QStringLiteral("/compound/listkey/%1/synonyms/JSON").arg(listKey));
}

QByteArray PubChemEndpoint::nameBody(const QString &name)
{
    // Form-encoded in the body, so '/', '#', '+' and spaces in names never meet the URL path.
    return "name=" + QUrl::toPercentEncoding(name);
}

QByteArray PubChemEndpoint::cidBody(const QList<qint64> &cids)
{
    QByteArray body = "cid=";
    for (int i = 0; i < cids.size(); ++i) {
        if (i)
            body += ',';
        body += QByteArray::number(cids.at(i));
    }
    return body;
}
