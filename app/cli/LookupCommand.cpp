// reactordesk-cli lookup [--json|--csv] [--base-url URL] [--no-cache] [--cache FILE] [--properties LIST]
// NAME... Prints one row per name, in input order. Exit 0 when every name was answered (found, ambiguous or
// not found), 1 when any item failed, 2 for a usage error.
#include "CommandLine.h"
#include "Commands.h"

#include "CompoundCache.h"
#include "PubChemClient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <memory>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("LookupCommand", text);
}

const QStringList &knownProperties()
{
    static const QStringList properties = PubChemEndpoint::defaultProperties().split(QLatin1Char(','));
    return properties;
}

QStringList rowFor(const CompoundLookupResult &result)
{
    QStringList cids;
    for (const CompoundRecord &record : result.candidates)
        cids.append(QString::number(record.cid));
    QStringList row{result.query, CompoundLookupResult::statusName(result.status),
                    cids.join(QLatin1Char(';'))};
    if (const CompoundRecord *compound = result.compound()) {
        row << compound->molecularFormula
            << (compound->molecularWeight ? QString::number(*compound->molecularWeight) : QString())
            << compound->iupacName
            << (compound->smiles.isEmpty() ? compound->connectivitySmiles : compound->smiles)
            << compound->inchiKey;
    } else {
        row << QString() << QString() << QString() << QString() << QString();
    }
    row << (result.stale ? tr("stale cache entry") : result.error);
    return row;
}

QString csvField(const QString &field)
{
    if (!field.contains(QLatin1Char(',')) && !field.contains(QLatin1Char('"')) &&
        !field.contains(QLatin1Char('\n')))
        return field;
    return QLatin1Char('"') + QString(field).replace(QLatin1Char('"'), QStringLiteral("\"\"")) +
           QLatin1Char('"');
}

QJsonObject jsonFor(const CompoundLookupResult &result)
{
    QJsonObject object = result.toJson();
    object.insert(QStringLiteral("name"), result.query);
    object.remove(QStringLiteral("query"));
    object.insert(QStringLiteral("status"), CompoundLookupResult::statusName(result.status));
    object.insert(QStringLiteral("fromCache"), result.fromCache);
    if (result.stale)
        object.insert(QStringLiteral("stale"), true);
    return object;
}
} // namespace

int runLookupCommand(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Look up compounds on PubChem (molecular weight, formula, identifiers)."));
    parser.addHelpOption();
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print JSON."));
    const QCommandLineOption csvOption(QStringLiteral("csv"), tr("Print CSV."));
    const QCommandLineOption baseUrlOption(
        QStringLiteral("base-url"),
        tr("PUG REST base URL (default: $REACTORDESK_PUBCHEM_URL, settings, %1).")
            .arg(PubChemEndpoint::defaultBaseUrl()),
        tr("url"));
    const QCommandLineOption noCacheOption(QStringLiteral("no-cache"),
                                           tr("Neither read nor write the cache."));
    const QCommandLineOption cacheOption(
        QStringLiteral("cache"),
        tr("Cache file (default: $REACTORDESK_LOOKUP_CACHE or the user cache folder)."), tr("file"));
    const QCommandLineOption propertiesOption(
        QStringLiteral("properties"),
        tr("Comma-separated PubChem properties (default: %1).").arg(PubChemEndpoint::defaultProperties()),
        tr("list"));
    parser.addOptions({jsonOption, csvOption, baseUrlOption, noCacheOption, cacheOption, propertiesOption});
    parser.addPositionalArgument(QStringLiteral("names"), tr("Compound names."), tr("NAME..."));
    if (const auto exitNow = parseSubcommandLine(parser, arguments))
        return *exitNow;
    const QStringList names = parser.positionalArguments();
    if (names.isEmpty()) {
        err << tr("lookup: give at least one compound name") << '\n';
        return 2;
    }
    if (parser.isSet(jsonOption) && parser.isSet(csvOption)) {
        err << tr("lookup: --json and --csv exclude each other") << '\n';
        return 2;
    }

    PubChemClient::Config config;
    config.baseUrl = PubChemEndpoint::resolveBaseUrl(parser.value(baseUrlOption));
    if (!config.baseUrl.isValid() || config.baseUrl.scheme().isEmpty()) {
        err << tr("lookup: invalid base URL: %1").arg(config.baseUrl.toString()) << '\n';
        return 2;
    }
    if (parser.isSet(propertiesOption)) {
        QStringList properties = parser.value(propertiesOption).split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (QString &property : properties) {
            property = property.trimmed();
            if (!knownProperties().contains(property)) {
                err << tr("lookup: --properties: unknown property \"%1\" (known: %2)")
                           .arg(property, knownProperties().join(QLatin1Char(',')))
                    << '\n';
                return 2;
            }
        }
        config.properties = properties.join(QLatin1Char(','));
    }

    std::unique_ptr<CompoundCache> cache;
    if (!parser.isSet(noCacheOption)) {
        const QString path =
            parser.isSet(cacheOption) ? parser.value(cacheOption) : CompoundCache::defaultFilePath();
        cache = std::make_unique<CompoundCache>(path);
        if (!cache->isOpen()) {
            err << tr("lookup: %1; continuing without a cache").arg(cache->errorString()) << '\n';
            cache.reset();
        }
    }

    PubChemClient client(config, cache.get());
    LookupBatch *batch = client.lookupNames(names);
    QEventLoop loop;
    QObject::connect(batch, &LookupBatch::finished, &loop, &QEventLoop::quit);
    QObject::connect(batch, &LookupBatch::itemRetrying, &loop,
                     [&err, batch](int index, int retry, const QString &reason, int delayMs) {
                         err << tr("%1: retry %2 in %3 ms (%4)")
                                    .arg(batch->query(index))
                                    .arg(retry)
                                    .arg(delayMs)
                                    .arg(reason)
                             << '\n';
                         err.flush();
                     });
    if (!batch->isFinished() || batch->size() == 0)
        loop.exec();

    bool allAnswered = true;
    QJsonArray json;
    const QStringList header{tr("name"),    tr("status"),           tr("cid"),
                             tr("formula"), tr("molecular_weight"), tr("iupac_name"),
                             tr("smiles"),  tr("inchikey"),         tr("error")};
    if (parser.isSet(csvOption))
        out << header.join(QLatin1Char(',')) << '\n';
    else if (!parser.isSet(jsonOption))
        out << header.join(QLatin1Char('\t')) << '\n';
    for (int i = 0; i < batch->size(); ++i) {
        const CompoundLookupResult &result = batch->result(i);
        allAnswered = allAnswered && result.isAnswer();
        if (parser.isSet(jsonOption)) {
            json.append(jsonFor(result));
            continue;
        }
        QStringList row = rowFor(result);
        if (parser.isSet(csvOption)) {
            for (QString &field : row)
                field = csvField(field);
            out << row.join(QLatin1Char(',')) << '\n';
        } else {
            out << row.join(QLatin1Char('\t')) << '\n';
        }
    }
    if (parser.isSet(jsonOption))
        out << QJsonDocument(json).toJson(QJsonDocument::Indented);
    return allAnswered ? 0 : 1;
}
