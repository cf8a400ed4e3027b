#pragma once
// Parses PUG REST bodies. Errors are values that say what was wrong and where (JSON offset or field path);
// nothing is silently dropped.
#include "CompoundRecord.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

namespace PubChemParser {

struct PropertyTable
{
    QList<CompoundRecord> records;
    QString error; // empty on success
};

// {"PropertyTable":{"Properties":[{...}, ...]}}. Accepts SMILES/IsomericSMILES and
// ConnectivitySMILES/CanonicalSMILES; masses as strings or numbers; XLogP and others may be missing.
PropertyTable parsePropertyTable(const QByteArray &body);

struct InformationList
{
    QList<std::pair<qint64, QStringList>> entries; // in the order PubChem sent them
    QString error;
};

// {"InformationList":{"Information":[{"CID":1,"<listKey>":["...",...]}, ...]}}, listKey "Synonym" or "RN".
InformationList parseInformationList(const QByteArray &body, const QString &listKey);

struct Fault
{
    QString code;    // e.g. "PUGREST.NotFound"; empty when the body was not a PubChem fault
    QString message; // a readable reason in every case (HTML title, plain text, ...)
};

// The reason inside an error body: a JSON Fault, the plain-text fault format, an HTML error page, or whatever
// text came back (shortened).
Fault parseFault(const QByteArray &body);

// An asynchronous answer (HTTP 202): {"Waiting":{"ListKey":"123...","Message":"..."}}. The ListKey names the
// result to poll for; empty when the body is not such an answer.
QString parseWaitingListKey(const QByteArray &body);

} // namespace PubChemParser
