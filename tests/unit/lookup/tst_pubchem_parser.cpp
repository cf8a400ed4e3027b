// PubChemParser on every fixture the client reads: property tables (both SMILES spellings, masses as strings,
// missing XLogP, several CIDs, broken bodies), information lists (RN xrefs, synonyms) and every error body.
#include "PubChemParser.h"

#include <QFile>
#include <QTest>

using namespace PubChemParser;

class TestPubChemParser : public QObject
{
    Q_OBJECT

private:
    static QByteArray fixture(const char *name)
    {
        QFile file(QStringLiteral(RD_PUBCHEM_FIXTURES "/") + QLatin1String(name));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("missing fixture %s", name);
        return file.readAll();
    }

private Q_SLOTS:
    void currentKeyNames()
    {
        const PropertyTable table =
            parsePropertyTable(fixture("constructed_property_ethanol_current_keys.json"));
        QVERIFY2(table.error.isEmpty(), qPrintable(table.error));
        QCOMPARE(table.records.size(), 1);
        const CompoundRecord &ethanol = table.records.first();
        QCOMPARE(ethanol.cid, 702);
        QCOMPARE(ethanol.title, QStringLiteral("Ethanol"));
        QCOMPARE(ethanol.molecularFormula, QStringLiteral("C2H6O"));
        QCOMPARE(*ethanol.molecularWeight, 46.07); // sent as the string "46.07"
        QCOMPARE(*ethanol.exactMass, 46.041864811);
        QCOMPARE(ethanol.smiles, QStringLiteral("CCO"));
        QCOMPARE(ethanol.connectivitySmiles, QStringLiteral("CCO"));
        QCOMPARE(ethanol.inchiKey, QStringLiteral("LFQSCWFLJHTTHZ-UHFFFAOYSA-N"));
        QCOMPARE(ethanol.iupacName, QStringLiteral("ethanol"));
        QCOMPARE(*ethanol.xlogp, -0.1);
        QCOMPARE(*ethanol.charge, 0);
    }

    void oldKeyNamesAndMissingXLogP()
    {
        const PropertyTable table = parsePropertyTable(fixture("constructed_property_glucose_old_keys.json"));
        QVERIFY(table.error.isEmpty());
        const CompoundRecord &glucose = table.records.first();
        QCOMPARE(glucose.cid, 5793);
        QCOMPARE(glucose.smiles, QStringLiteral("C([C@@H]1[C@H]([C@@H]([C@H](C(O1)O)O)O)O)O"));
        QCOMPARE(glucose.connectivitySmiles, QStringLiteral("C(C1C(C(C(C(O1)O)O)O)O)O"));
        QCOMPARE(*glucose.molecularWeight, 180.16);
        QVERIFY(!glucose.xlogp.has_value());
    }

    void severalRecordsAreAllKept()
    {
        const PropertyTable table = parsePropertyTable(fixture("constructed_property_ambiguous.json"));
        QVERIFY(table.error.isEmpty());
        QCOMPARE(table.records.size(), 4);
        QCOMPARE(table.records.at(3).cid, 12280114);
        QVERIFY(!table.records.at(3).molecularWeight.has_value());
        QVERIFY(table.records.at(3).molecularFormula.isEmpty());
    }

    void truncatedJsonNamesTheOffset()
    {
        const PropertyTable table = parsePropertyTable(fixture("constructed_property_truncated.json"));
        QVERIFY(table.records.isEmpty());
        QVERIFY2(table.error.startsWith(QStringLiteral("malformed JSON at byte")), qPrintable(table.error));
    }

    void badNumberNamesTheField()
    {
        const PropertyTable table = parsePropertyTable(fixture("constructed_property_bad_weight.json"));
        QVERIFY2(table.error.contains(QStringLiteral("PropertyTable.Properties[1].MolecularWeight")),
                 qPrintable(table.error));
        QVERIFY(table.error.contains(QStringLiteral("about eighteen")));
    }

    void wrongShapes()
    {
        QVERIFY(parsePropertyTable("[]").error.contains(QStringLiteral("object")));
        QVERIFY(parsePropertyTable("{}").error.contains(QStringLiteral("PropertyTable")));
        QVERIFY(parsePropertyTable(R"({"PropertyTable":{"Properties":[{"Title":"x"}]}})")
                    .error.contains(QStringLiteral("Properties[0].CID")));
        QVERIFY(parsePropertyTable(fixture("reconstructed_404_name_notfound.json"))
                    .error.contains(QStringLiteral("PropertyTable")));
    }

    void informationListOfRegistryNumbers()
    {
        const InformationList list =
            parseInformationList(fixture("pcc_05_post_cid_batch_xrefs_rn.json"), QStringLiteral("RN"));
        QVERIFY(list.error.isEmpty());
        QCOMPARE(list.entries.size(), 2);
        QCOMPARE(list.entries.at(0).first, 135398570);
        QCOMPARE(list.entries.at(0).second, (QStringList{"231-641-6", "40732-48-7", "7665-99-8"}));
        QCOMPARE(list.entries.at(1).first, 2244);
        QVERIFY(list.entries.at(1).second.contains(QStringLiteral("50-78-2")));
    }

    void informationListOfSynonyms()
    {
        const QStringList recorded = QString::fromUtf8(fixture("pcc_09_cid_5756_synonyms.txt"))
                                         .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QByteArray json = R"({"InformationList":{"Information":[{"CID":5756,"Synonym":[)";
        for (int i = 0; i < recorded.size(); ++i)
            json += (i ? "," : "") + ("\"" + recorded.at(i).toUtf8().replace("\"", "\\\"") + "\"");
        json += "]}]}}";
        const InformationList list = parseInformationList(json, QStringLiteral("Synonym"));
        QVERIFY2(list.error.isEmpty(), qPrintable(list.error));
        QCOMPARE(list.entries.first().second, recorded);
        QVERIFY(parseInformationList(R"({"InformationList":{"Information":[{"CID":1,"Synonym":"x"}]}})",
                                     QStringLiteral("Synonym"))
                    .error.contains(QStringLiteral("Information[0].Synonym")));
    }

    void faults_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("404 json") << fixture("reconstructed_404_name_notfound.json")
                                  << QStringLiteral("PUGREST.NotFound") << QStringLiteral("No CID found");
        QTest::newRow("400 json") << fixture("reconstructed_400_bad_smiles.json")
                                  << QStringLiteral("PUGREST.BadRequest")
                                  << QStringLiteral(
                                         "Unable to standardize the given structure - perhaps some special "
                                         "characters need to be escaped or data packed in a MIME form?");
        QTest::newRow("400 plain text")
            << fixture("reconstructed_400_bad_smiles_plaintext_fault.txt")
            << QStringLiteral("PUGREST.BadRequest")
            << QStringLiteral("Unable to standardize the given structure - perhaps some "
                              "special characters need to be escaped or data packed in a "
                              "MIME form?");
        QTest::newRow("503 json") << fixture("reconstructed_503_serverbusy.json")
                                  << QStringLiteral("PUGREST.ServerBusy")
                                  << QStringLiteral("Too many requests or server too busy");
        QTest::newRow("503 html") << fixture("constructed_503_html.html") << QString()
                                  << QStringLiteral("HTML error page: 503 Service Unavailable");
        QTest::newRow("plain") << QByteArray("  upstream\nconnect error ") << QString()
                               << QStringLiteral("upstream connect error");
        QTest::newRow("empty") << QByteArray() << QString() << QStringLiteral("empty body");
    }

    void faults()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        QFETCH(QString, message);
        const Fault fault = parseFault(body);
        QCOMPARE(fault.code, code);
        QCOMPARE(fault.message, message);
    }
};

QTEST_GUILESS_MAIN(TestPubChemParser)
#include "tst_pubchem_parser.moc"
