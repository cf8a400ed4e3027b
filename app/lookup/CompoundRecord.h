#pragma once
// One PubChem compound as returned by PUG REST's property table. Optional numbers are absent when PubChem
// did not send them (XLogP often is) or when they were not requested.
#include <QJsonObject>
#include <QString>

#include <optional>

struct CompoundRecord
{
    qint64 cid = 0;
    QString title;
    QString molecularFormula;
    std::optional<double> molecularWeight; // g/mol; PubChem sends it as a JSON string
    std::optional<double> exactMass;
    QString iupacName;
    QString smiles;             // isomeric; key "SMILES" (since 2025) or "IsomericSMILES"
    QString connectivitySmiles; // key "ConnectivitySMILES" or "CanonicalSMILES"
    QString inchiKey;
    std::optional<double> xlogp;
    std::optional<int> charge;

    // The cache's storage form; uses the current PubChem key names.
    QJsonObject toJson() const;
    static CompoundRecord fromJson(const QJsonObject &object);
};
