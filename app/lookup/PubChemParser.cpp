#include "PubChemParser.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace PubChemParser {
namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("PubChemParser", text);
}

// Parses the body as a JSON object; on failure returns an error naming the offset.
QJsonObject parseObject(const QByteArray &body, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = tr("malformed JSON at byte %1: %2").arg(parseError.offset).arg(parseError.errorString());
        return {};
    }
    if (!document.isObject()) {
        *error = tr("expected a JSON object at the top level");
        return {};
    }
    return document.object();
}

// A number that PubChem may send as a JSON string ("46.07") or as a number.
bool readNumber(const QJsonObject &object, const char *key, const QString &path, std::optional<double> *out,
                QString *error)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (value.isUndefined() || value.isNull())
        return true;
    if (value.isDouble()) {
        *out = value.toDouble();
        return true;
    }
    bool ok = false;
    const double number = value.toString().toDouble(&ok);
    if (!value.isString() || !ok) {
        *error = tr("%1.%2: expected a number, got %3")
                     .arg(path, QLatin1String(key),
                          QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact)));
        return false;
    }
    *out = number;
    return true;
}

QString firstString(const QJsonObject &object, std::initializer_list<const char *> keys)
{
    for (const char *key : keys) {
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isString())
            return value.toString();
    }
    return {};
}

QJsonArray arrayAt(const QJsonObject &root, const char *outer, const char *inner, QString *error)
{
    const QJsonValue table = root.value(QLatin1String(outer));
    if (!table.isObject()) {
        *error = tr("missing \"%1\" object").arg(QLatin1String(outer));
        return {};
    }
    const QJsonValue list = table.toObject().value(QLatin1String(inner));
    if (!list.isArray()) {
        *error = tr("missing \"%1.%2\" array").arg(QLatin1String(outer), QLatin1String(inner));
        return {};
    }
    return list.toArray();
}

bool readCid(const QJsonObject &object, const QString &path, qint64 *cid, QString *error)
{
    const QJsonValue value = object.value(QStringLiteral("CID"));
    if (!value.isDouble() || value.toInteger() <= 0) {
        *error = tr("%1.CID: missing or not a positive integer").arg(path);
        return false;
    }
    *cid = value.toInteger();
    return true;
}
} // namespace

PropertyTable parsePropertyTable(const QByteArray &body)
{
    PropertyTable table;
    const QJsonObject root = parseObject(body, &table.error);
    if (!table.error.isEmpty())
        return table;
    const QJsonArray properties = arrayAt(root, "PropertyTable", "Properties", &table.error);
    if (!table.error.isEmpty())
        return table;
    for (int i = 0; i < properties.size(); ++i) {
        const QString path = QStringLiteral("PropertyTable.Properties[%1]").arg(i);
        if (!properties.at(i).isObject()) {
            table.error = tr("%1: expected an object").arg(path);
            return table;
        }
        const QJsonObject object = properties.at(i).toObject();
        CompoundRecord record;
        if (!readCid(object, path, &record.cid, &table.error))
            return table;
        record.title = firstString(object, {"Title"});
        record.molecularFormula = firstString(object, {"MolecularFormula"});
        record.iupacName = firstString(object, {"IUPACName"});
        record.smiles = firstString(object, {"SMILES", "IsomericSMILES"});
        record.connectivitySmiles = firstString(object, {"ConnectivitySMILES", "CanonicalSMILES"});
        record.inchiKey = firstString(object, {"InChIKey"});
        std::optional<double> charge;
        if (!readNumber(object, "MolecularWeight", path, &record.molecularWeight, &table.error) ||
            !readNumber(object, "ExactMass", path, &record.exactMass, &table.error) ||
            !readNumber(object, "XLogP", path, &record.xlogp, &table.error) ||
            !readNumber(object, "Charge", path, &charge, &table.error))
            return table;
        if (charge)
            record.charge = int(*charge);
        table.records.append(record);
    }
    return table;
}

InformationList parseInformationList(const QByteArray &body, const QString &listKey)
{
    InformationList list;
    const QJsonObject root = parseObject(body, &list.error);
    if (!list.error.isEmpty())
        return list;
    const QJsonArray information = arrayAt(root, "InformationList", "Information", &list.error);
    if (!list.error.isEmpty())
        return list;
    for (int i = 0; i < information.size(); ++i) {
        const QString path = QStringLiteral("InformationList.Information[%1]").arg(i);
        const QJsonObject object = information.at(i).toObject();
        qint64 cid = 0;
        if (!readCid(object, path, &cid, &list.error))
            return list;
        QStringList values;
        const QJsonValue entries = object.value(listKey);
        if (!entries.isUndefined() && !entries.isArray()) {
            list.error = tr("%1.%2: expected an array").arg(path, listKey);
            return list;
        }
        for (const QJsonValue &value : entries.toArray())
            values.append(value.toString());
        list.entries.append({cid, values});
    }
    return list;
}

Fault parseFault(const QByteArray &body)
{
    Fault fault;
    QString jsonError;
    const QJsonObject root = parseObject(body, &jsonError);
    if (jsonError.isEmpty() && root.value(QStringLiteral("Fault")).isObject()) {
        const QJsonObject object = root.value(QStringLiteral("Fault")).toObject();
        fault.code = object.value(QStringLiteral("Code")).toString();
        fault.message = object.value(QStringLiteral("Message")).toString();
        return fault;
    }
    const QString text = QString::fromUtf8(body);
    static const QRegularExpression plainCode(QStringLiteral("^Code:\\s*(\\S+)"),
                                              QRegularExpression::MultilineOption);
    static const QRegularExpression plainMessage(QStringLiteral("^Message:\\s*(.+)$"),
                                                 QRegularExpression::MultilineOption);
    if (const auto code = plainCode.match(text); code.hasMatch()) {
        fault.code = code.captured(1);
        fault.message = plainMessage.match(text).captured(1).trimmed();
        return fault;
    }
    static const QRegularExpression htmlTitle(QStringLiteral("<title>\\s*(.*?)\\s*</title>"),
                                              QRegularExpression::CaseInsensitiveOption |
                                                  QRegularExpression::DotMatchesEverythingOption);
    if (const auto title = htmlTitle.match(text); title.hasMatch()) {
        fault.message = tr("HTML error page: %1").arg(title.captured(1).simplified());
        return fault;
    }
    fault.message = text.simplified().left(200);
    if (fault.message.isEmpty())
        fault.message = tr("empty body");
    return fault;
}

QString parseWaitingListKey(const QByteArray &body)
{
    QString error;
    const QJsonValue key = parseObject(body, &error)
                               .value(QStringLiteral("Waiting"))
                               .toObject()
                               .value(QStringLiteral("ListKey"));
    // PubChem sends the key as a string of digits (accept a number too). It goes into the next URL's path:
    // anything else is not a key.
    const QString text = key.isDouble() ? QString::number(qint64(key.toDouble())) : key.toString();
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,40}$"));
    return digits.match(text).hasMatch() ? text : QString();
}

} // namespace PubChemParser
