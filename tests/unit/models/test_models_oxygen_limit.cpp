// The oxygen-transfer cap on the feed recommendation: parsed from the parameter file (old files without it
// still load), exact gradients, the demo's recommendation below the pump's maximum once the batch phase is
// over, and the reference optimum of the issue's fixture unchanged when the cap is absent or not binding.
#include "DemoAfterBatchProblem.h"
#include "FeedOptimizer.h"
#include "FeedShooting.h"
#include "ModelParameters.h"

#include <QtTest>

namespace {
ModelParameters load(const QString &path)
{
    const ModelParametersResult loaded = loadModelParameters(path);
    if (!loaded.parameters)
        qFatal("%s", qPrintable(loaded.error));
    return *loaded.parameters;
}

const QString demoFile = QStringLiteral(RD_SOURCE_DIR "/resources/models/demo-fedbatch.json");
const QString referenceFile = QStringLiteral(RD_SOURCE_DIR "/tests/fixtures/models/fedbatch_penicillin.json");

QByteArray demoJsonWith(const char *kinetics, const char *limit)
{
    return QByteArray(R"({"kinetics": {"mu_max": 0.35, "Ks": 0.15, "Yxs": 0.5)") + kinetics +
           R"(}, "oxygen_limit": )" + limit +
           R"(, "feed": {"S_in": 400, "profile": {"type": "constant", "F": 0}},
                 "initial": {"X": 0.5, "S": 10, "P": 0, "V": 1}})";
}
} // namespace

class TestModelsOxygenLimit : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesTheLimitAndOldFilesStillLoad()
    {
        const ModelParameters demo = load(demoFile);
        QVERIFY(demo.oxygenLimit.has_value());
        QCOMPARE(demo.oxygenLimit->kLa, 90.0);
        QVERIFY(std::abs(demo.oxygenLimit->maxUptakeRate() - 90.0 * (0.0068 - 0.0017)) < 1e-12);
        QVERIFY(!load(referenceFile).oxygenLimit.has_value());
    }

    void badLimitsNameTheField_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::newRow("C_min above C_star")
            << demoJsonWith(R"(, "Yxo": 16)", R"({"kLa": 90, "C_star": 0.0068, "C_min": 0.01})")
            << QStringLiteral("oxygen_limit.C_min");
        QTest::newRow("no Yxo") << demoJsonWith("", R"({"kLa": 90, "C_star": 0.0068, "C_min": 0.001})")
                                << QStringLiteral("kinetics.Yxo");
        QTest::newRow("unknown key") << demoJsonWith(R"(, "Yxo": 16)",
                                                     R"({"kLa": 90, "C_star": 0.0068, "Cmin": 0.001})")
                                     << QStringLiteral("oxygen_limit.Cmin");
        QTest::newRow("kLa missing") << demoJsonWith(R"(, "Yxo": 16)",
                                                     R"({"C_star": 0.0068, "C_min": 0.001})")
                                     << QStringLiteral("oxygen_limit.kLa");
        QTest::newRow("kLa zero") << demoJsonWith(R"(, "Yxo": 16)",
                                                  R"({"kLa": 0, "C_star": 0.0068, "C_min": 0.001})")
                                  << QStringLiteral("oxygen_limit.kLa");
    }

    void badLimitsNameTheField()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        const ModelParametersResult result = parseModelParameters(json, QStringLiteral("model.json"));
        QVERIFY(!result.parameters);
        QVERIFY2(result.error.startsWith(QStringLiteral("model.json: ") + field + QLatin1Char(':')),
                 qPrintable(result.error));
    }

    void capGradientsMatchFiniteDifferences()
    {
        ModelParameters parameters = load(demoFile);
        parameters.kinetics.mo = 0.01; // so that the cap depends on X as well as on V
        FeedOptimizationProblem problem = demoAfterBatchProblem(parameters);
        problem.vMax.reset();
        OdeOptions options;
        options.relativeTolerance = 1e-11;
        options.absoluteTolerance = 1e-13;
        const FeedShooting shooting(problem, options);
        Eigen::VectorXd u(6);
        u << 0.03, 0.05, 0.01, 0.04, 0.02, 0.06;
        const FeedShooting::Evaluation e = shooting.evaluate(u);
        QCOMPARE(e.constraints.size(), Eigen::Index(6)); // one cap per interval, nothing else asked for
        for (int k = 0; k < 6; ++k) {
            const double h = 1e-7;
            Eigen::VectorXd up = u, down = u;
            up[k] += h;
            down[k] -= h;
            const FeedShooting::Evaluation a = shooting.evaluate(up), b = shooting.evaluate(down);
            for (int c = 0; c < e.constraints.size(); ++c) {
                const double fd = (a.constraints[c] - b.constraints[c]) / (2 * h);
                QVERIFY2(std::abs(fd - e.constraintJacobian(c, k)) < 1e-5 * (1 + std::abs(fd)),
                         qPrintable(QStringLiteral("row %1, feed %2: %3 vs %4")
                                        .arg(c)
                                        .arg(k)
                                        .arg(e.constraintJacobian(c, k))
                                        .arg(fd)));
            }
        }
    }

    void demoRecommendationStaysUnderTheCap()
    {
        ModelParameters uncapped = load(demoFile);
        uncapped.oxygenLimit.reset();
        const FeedOptimizationResult free = FeedOptimizer::optimize(demoAfterBatchProblem(uncapped));
        QVERIFY2(free.ok, qPrintable(free.message));
        // Without the oxygen term the model asks for the pump's maximum: the problem this cap solves.
        QVERIFY2(free.feedRates.front() > 0.099, qPrintable(QString::number(free.feedRates.front())));

        const ModelParameters capped = load(demoFile);
        const FeedOptimizationProblem problem = demoAfterBatchProblem(capped);
        const FeedOptimizationResult result = FeedOptimizer::optimize(problem);
        QVERIFY2(result.ok, qPrintable(result.message));
        qInfo("capped plan (mL/h): %s; P(26 h) %.4f capped, %.4f uncapped", qPrintable([&] {
                  QStringList rates;
                  for (double r : result.feedRates)
                      rates << QString::number(r * 1000.0, 'f', 1);
                  return rates.join(QLatin1String(", "));
              }()),
              result.objective, free.objective);
        // The cap at the start volume: F <= OUR_max V Yxo / (Yxs S_in) = 0.459 x 1.05 x 16.34 / 200 L/h.
        const double ourMax = capped.oxygenLimit->maxUptakeRate();
        const double capAtStart = ourMax * problem.startState[StateV] * *capped.kinetics.Yxo /
                                  (capped.kinetics.Yxs * capped.feed.sIn);
        QVERIFY(capAtStart < 0.045 && capAtStart > 0.035);
        QVERIFY2(result.feedRates.front() <= capAtStart * (1 + 1e-5),
                 qPrintable(QStringLiteral("%1 > cap %2").arg(result.feedRates.front()).arg(capAtStart)));
        QVERIFY(result.feedRates.front() > 0.5 * capAtStart); // it still feeds a starving culture
        // Every interval respects the cap at the volume the model reaches there.
        const FeedShooting shooting(problem, {});
        Eigen::VectorXd feeds = Eigen::Map<const Eigen::VectorXd>(result.feedRates.data(), 6);
        const FeedShooting::Evaluation e = shooting.evaluate(feeds);
        QVERIFY2(e.maxViolation < 1e-5, qPrintable(QString::number(e.maxViolation)));
        QVERIFY(result.objective <= free.objective + 1e-9);
    }

    void referenceOptimumUnchangedWithoutABindingCap()
    {
        FeedOptimizationProblem problem;
        problem.parameters = load(referenceFile);
        problem.tEnd = 150.0;
        problem.intervals = 15;
        problem.feedMax = 0.2;
        problem.xMax = 3.7;
        const FeedOptimizationResult reference = FeedOptimizer::optimize(problem);
        QVERIFY2(reference.ok, qPrintable(reference.message));
        QVERIFY2(reference.objective >= 1.6820 && reference.objective <= 1.682451,
                 qPrintable(QString::number(reference.objective, 'f', 6)));
        // A vessel that transfers far more oxygen than this culture needs changes nothing.
        problem.parameters.kinetics.Yxo = 1.0;
        problem.parameters.oxygenLimit = OxygenTransferLimit{1000.0, 0.0075, 0.001};
        const FeedOptimizationResult generous = FeedOptimizer::optimize(problem);
        QVERIFY2(generous.ok, qPrintable(generous.message));
        QVERIFY2(std::abs(generous.objective - reference.objective) < 1e-5,
                 qPrintable(QStringLiteral("%1 vs %2")
                                .arg(generous.objective, 0, 'f', 6)
                                .arg(reference.objective, 0, 'f', 6)));
    }
};

QTEST_GUILESS_MAIN(TestModelsOxygenLimit)
#include "test_models_oxygen_limit.moc"
