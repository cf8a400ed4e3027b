// The parameter file: what loads, and that every bad file gets an error naming the file and the JSON path.
#include "ModelParameters.h"

#include <QTemporaryDir>
#include <QtTest>

class TestModelParameters : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void loadsTheFedBatchFixture();
    void optionalTermsAreAbsentNotZero();
    void feedProfiles();
    void badFilesNameTheKey_data();
    void badFilesNameTheKey();
    void missingFileNamesThePath();
};

namespace {
const char *validJson = R"({
  "mode": "fed-batch",
  "kinetics": {"mu_max": 0.02, "Ks": 0.05, "Yxs": 0.5},
  "feed": {"S_in": 200, "profile": {"type": "constant", "F": 0.02}},
  "initial": {"X": 1, "S": 0.5, "V": 120}
})";
}

void TestModelParameters::loadsTheFedBatchFixture()
{
    const ModelParametersResult result =
        loadModelParameters(QStringLiteral(RD_SOURCE_DIR "/tests/fixtures/models/fedbatch_penicillin.json"));
    QVERIFY2(result.parameters, qPrintable(result.error));
    const ModelParameters &p = *result.parameters;
    QCOMPARE(p.mode, ReactorMode::FedBatch);
    QCOMPARE(p.kinetics.muMax, 0.02);
    QCOMPARE(*p.kinetics.Ki, 5.0);
    QCOMPARE(*p.kinetics.Yps, 1.2);
    QCOMPARE(p.kinetics.beta, 0.004);
    QVERIFY(!p.oxygen);
    QCOMPARE(p.feed.sIn, 200.0);
    QCOMPARE(p.feed.type, FeedProfileType::Constant);
    QCOMPARE(p.feed.F, 0.02);
    QCOMPARE(p.initial.V, 120.0);
    QCOMPARE(p.measurementNoise.at("X"), 0.05);

    const ModelParametersResult oxygen =
        loadModelParameters(QStringLiteral(RD_SOURCE_DIR "/tests/fixtures/models/fedbatch_oxygen.json"));
    QVERIFY2(oxygen.parameters, qPrintable(oxygen.error));
    QCOMPARE(oxygen.parameters->oxygen->kLa, 250.0);
    QCOMPARE(oxygen.parameters->initial.C, 0.0075);
}

void TestModelParameters::optionalTermsAreAbsentNotZero()
{
    const ModelParametersResult result = parseModelParameters(validJson, "inline.json");
    QVERIFY2(result.parameters, qPrintable(result.error));
    const Kinetics &k = result.parameters->kinetics;
    QVERIFY(!k.Ki);
    QVERIFY(!k.Ko);
    QVERIFY(!k.Yps);
    QVERIFY(!k.Yxo);
    QCOMPARE(k.kd, 0.0);
    QCOMPARE(k.ms, 0.0);
    QCOMPARE(result.parameters->initial.P, 0.0);
}

void TestModelParameters::feedProfiles()
{
    QByteArray json = validJson;
    json.replace(R"({"type": "constant", "F": 0.02})",
                 R"({"type": "piecewise", "times": [0, 5], "F": [0.1, 0]})");
    ModelParametersResult result = parseModelParameters(json, "piecewise.json");
    QVERIFY2(result.parameters, qPrintable(result.error));
    QCOMPARE(result.parameters->feed.times, (std::vector<double>{0.0, 5.0}));
    QCOMPARE(result.parameters->feed.rates, (std::vector<double>{0.1, 0.0}));

    json = validJson;
    json.replace(R"({"type": "constant", "F": 0.02})",
                 R"({"type": "exponential", "F0": 0.01, "mu_set": 0.1})");
    result = parseModelParameters(json, "exp.json");
    QVERIFY2(result.parameters, qPrintable(result.error));
    QCOMPARE(result.parameters->feed.muSet, 0.1);

    json = validJson;
    json.replace(R"({"type": "constant", "F": 0.02})", R"({"type": "chemostat", "D": 0.3})");
    json.replace(R"("fed-batch")", R"("chemostat")");
    result = parseModelParameters(json, "chemostat.json");
    QVERIFY2(result.parameters, qPrintable(result.error));
    QCOMPARE(result.parameters->mode, ReactorMode::Chemostat);
    QCOMPARE(result.parameters->feed.D, 0.3);
}

void TestModelParameters::badFilesNameTheKey_data()
{
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<QString>("expectedPath");
    QTest::newRow("unknown kinetics key")
        << QByteArray(R"("Ks": 0.05)") << QByteArray(R"("Kz": 0.05)") << "kinetics.Kz";
    QTest::newRow("unknown top-level key") << QByteArray(R"("mode": "fed-batch",)")
                                           << QByteArray(R"("mode": "fed-batch", "modle": 1,)") << "modle";
    QTest::newRow("string instead of number")
        << QByteArray(R"("mu_max": 0.02)") << QByteArray(R"("mu_max": "0.02")") << "kinetics.mu_max";
    QTest::newRow("missing required")
        << QByteArray(R"("mu_max": 0.02, )") << QByteArray("") << "kinetics.mu_max";
    QTest::newRow("negative") << QByteArray(R"("Ks": 0.05)") << QByteArray(R"("Ks": -1)") << "kinetics.Ks";
    QTest::newRow("zero yield") << QByteArray(R"("Yxs": 0.5)") << QByteArray(R"("Yxs": 0)") << "kinetics.Yxs";
    QTest::newRow("bad mode") << QByteArray(R"("fed-batch")") << QByteArray(R"("batch")") << "mode";
    QTest::newRow("bad profile type")
        << QByteArray(R"("type": "constant")") << QByteArray(R"("type": "ramp")") << "feed.profile.type";
    QTest::newRow("unknown profile key")
        << QByteArray(R"("F": 0.02)") << QByteArray(R"("F": 0.02, "D": 1)") << "feed.profile.D";
    QTest::newRow("piecewise element")
        << QByteArray(R"({"type": "constant", "F": 0.02})")
        << QByteArray(R"({"type": "piecewise", "times": [0, "x"], "F": [1, 2]})") << "feed.profile.times[1]";
    QTest::newRow("piecewise lengths")
        << QByteArray(R"({"type": "constant", "F": 0.02})")
        << QByteArray(R"({"type": "piecewise", "times": [0, 1], "F": [1]})") << "feed.profile";
    QTest::newRow("kinetics not an object")
        << QByteArray(R"({"mu_max": 0.02, "Ks": 0.05, "Yxs": 0.5})") << QByteArray("[1, 2]") << "kinetics";
    QTest::newRow("oxygen wrong type")
        << QByteArray(R"("mode": "fed-batch",)")
        << QByteArray(R"("mode": "fed-batch", "oxygen": {"kLa": true, "C_star": 1},)") << "oxygen.kLa";
    QTest::newRow("oxygen needs initial C")
        << QByteArray(R"("mode": "fed-batch",)")
        << QByteArray(R"("mode": "fed-batch", "oxygen": {"kLa": 1, "C_star": 1},)") << "initial.C";
    QTest::newRow("unknown noise column")
        << QByteArray(R"("mode": "fed-batch",)")
        << QByteArray(R"("mode": "fed-batch", "measurement_noise": {"OD": 1},)") << "measurement_noise.OD";
    QTest::newRow("invalid JSON") << QByteArray(R"("mode": "fed-batch",)")
                                  << QByteArray(R"("mode": fed-batch,)") << "invalid JSON";
}

void TestModelParameters::badFilesNameTheKey()
{
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(QString, expectedPath);
    QByteArray json = validJson;
    QVERIFY(json.contains(from));
    json.replace(from, to);
    // Written to a real file so the file name in the message comes from loadModelParameters.
    QTemporaryDir dir;
    const QString path = dir.filePath("bad-params.json");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(json);
    file.close();
    const ModelParametersResult result = loadModelParameters(path);
    QVERIFY(!result.parameters);
    QVERIFY2(result.error.startsWith(path + ": "), qPrintable(result.error));
    QVERIFY2(result.error.contains(expectedPath), qPrintable(result.error));
}

void TestModelParameters::missingFileNamesThePath()
{
    const ModelParametersResult result = loadModelParameters("/nonexistent/params.json");
    QVERIFY(!result.parameters);
    QVERIFY(result.error.contains("/nonexistent/params.json"));
}

QTEST_GUILESS_MAIN(TestModelParameters)
#include "test_models_parameters.moc"
