#include "CompoundRecord.h"

QJsonObject CompoundRecord::toJson() const
{
    QJsonObject object{{QStringLiteral("CID"), cid}};
    const auto putText = [&](const char *key, const QString &value) {
        if (!value.isEmpty())
            object.insert(QLatin1String(key), value);
    };
    putText("Title", title);
    putText("MolecularFormula", molecularFormula);
    putText("IUPACName", iupacName);
    putText("SMILES", smiles);
    putText("ConnectivitySMILES", connectivitySmiles);
    putText("InChIKey", inchiKey);
    if (molecularWeight)
        object.insert(QStringLiteral("MolecularWeight"), *molecularWeight);
    if (exactMass)
        object.insert(QStringLiteral("ExactMass"), *exactMass);
    if (xlogp)
        object.insert(QStringLiteral("XLogP"), *xlogp);
    if (charge)
        object.insert(QStringLiteral("Charge"), *charge);
    return object;
}

CompoundRecord CompoundRecord::fromJson(const QJsonObject &object)
{
    CompoundRecord record;
    record.cid = object.value(QStringLiteral("CID")).toInteger();
    record.title = object.value(QStringLiteral("Title")).toString();
    record.molecularFormula = object.value(QStringLiteral("MolecularFormula")).toString();
    record.iupacName = object.value(QStringLiteral("IUPACName")).toString();
    record.smiles = object.value(QStringLiteral("SMILES")).toString();
    record.connectivitySmiles = object.value(QStringLiteral("ConnectivitySMILES")).toString();
    record.inchiKey = object.value(QStringLiteral("InChIKey")).toString();
    const auto number = [&](const char *key) -> std::optional<double> {
        const QJsonValue value = object.value(QLatin1String(key));
        return value.isDouble() ? std::optional<double>(value.toDouble()) : std::nullopt;
    };
    record.molecularWeight = number("MolecularWeight");
    record.exactMass = number("ExactMass");
    record.xlogp = number("XLogP");
    if (const auto charge = number("Charge"))
        record.charge = int(*charge);
    return record;
}
