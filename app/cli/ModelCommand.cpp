// reactordesk-cli model simulate|estimate|optimize|fit: the process models without a window, for scripts,
// replays and tests. CSV goes to --out or stdout; errors go to stderr and name the file and field.
#include "Commands.h"

#include "FeedOptimizer.h"
#include "MeasurementTable.h"
#include "ModelParameters.h"
#include "ParameterFit.h"
#include "ProcessModel.h"
#include "ProcessSimulation.h"
#include "StateEstimation.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSaveFile>
#include <QTextStream>

#include <functional>
#include <optional>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ModelCommand", text);
}

QString number(double value)
{
    return QString::number(value, 'g', 10);
}

int fail(const QString &message)
{
    QTextStream(stderr) << message << '\n';
    return 1;
}

int usage(const QCommandLineParser &parser, const QString &message)
{
    QTextStream err(stderr);
    err << message << "\n\n" << parser.helpText();
    return 2;
}

// Writes through QSaveFile so a failed run never leaves a half-written output behind.
int writeOutput(const QString &path, const QString &text)
{
    if (path.isEmpty()) {
        QTextStream(stdout) << text;
        return 0;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text) || file.write(text.toUtf8()) < 0 || !file.commit())
        return fail(QStringLiteral("%1: %2").arg(path, file.errorString()));
    return 0;
}

std::optional<double> parseNumber(const QCommandLineParser &parser, const QString &option, QString *error)
{
    if (parser.value(option).isEmpty()) // not given and no default
        return std::nullopt;
    bool ok = false;
    const double value = parser.value(option).toDouble(&ok);
    if (!ok || !std::isfinite(value)) {
        *error = tr("--%1: \"%2\" is not a number").arg(option, parser.value(option));
        return std::nullopt;
    }
    return value;
}

std::optional<ModelParameters> loadParameters(const QCommandLineParser &parser, QString *error)
{
    if (!parser.isSet("params")) {
        *error = tr("--params is required");
        return std::nullopt;
    }
    const ModelParametersResult result = loadModelParameters(parser.value("params"));
    if (!result.parameters)
        *error = result.error;
    return result.parameters;
}

const QCommandLineOption
    paramsOption({"p", "params"}, QCoreApplication::translate("ModelCommand", "model parameter file (JSON)"),
                 "P.json");
const QCommandLineOption
    outOption({"o", "out"}, QCoreApplication::translate("ModelCommand", "output CSV (default: stdout)"),
              "OUT.csv");

int simulate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Integrate the process model; writes t_h,X,S,P,V,C,F."));
    parser.addHelpOption();
    parser.addOption(paramsOption);
    parser.addOption(outOption);
    parser.addOption({"t-end", tr("end time in hours"), "H"});
    parser.addOption(
        {"times", tr("comma-separated output times in hours (default: the solver's steps)"), "t1,t2,..."});
    parser.addOption({"method", tr("auto (default), dopri or rosenbrock"), "M", "auto"});
    parser.addOption({"rtol", tr("relative tolerance (default 1e-6)"), "R", "1e-6"});
    parser.addOption({"atol", tr("absolute tolerance (default 1e-9)"), "A", "1e-9"});
    parser.process(arguments);

    QString error;
    const auto params = loadParameters(parser, &error);
    if (!params)
        return error.startsWith(QLatin1String("--")) ? usage(parser, error) : fail(error);
    const auto tEnd = parseNumber(parser, "t-end", &error);
    if (!tEnd || *tEnd <= 0.0)
        return usage(parser, error.isEmpty() ? tr("--t-end must be a positive number of hours") : error);
    OdeOptions options;
    const auto rtol = parseNumber(parser, "rtol", &error);
    const auto atol = parseNumber(parser, "atol", &error);
    if (!rtol || !atol || *rtol <= 0.0 || *atol <= 0.0)
        return usage(parser, error.isEmpty() ? tr("tolerances must be positive") : error);
    options.relativeTolerance = *rtol;
    options.absoluteTolerance = *atol;
    const QString method = parser.value("method");
    if (method == QLatin1String("dopri"))
        options.method = OdeMethod::DormandPrince;
    else if (method == QLatin1String("rosenbrock"))
        options.method = OdeMethod::Rosenbrock;
    else if (method != QLatin1String("auto"))
        return usage(parser, tr("--method: expected auto, dopri or rosenbrock"));

    std::vector<double> times;
    if (parser.isSet("times")) {
        for (const QString &item : parser.value("times").split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            bool ok = false;
            const double t = item.trimmed().toDouble(&ok);
            if (!ok || t < 0.0 || t > *tEnd || (!times.empty() && t < times.back()))
                return usage(parser,
                             tr("--times: \"%1\" is not an ascending time within [0, t-end]").arg(item));
            times.push_back(t);
        }
    }
    const ProcessTrajectory run = simulateProcess(*params, *tEnd, times, options);
    if (!run.solution.ok())
        return fail(tr("simulation stopped at t = %1 h: %2")
                        .arg(run.solution.finalTime)
                        .arg(QString::fromLatin1(odeStatusName(run.solution.status))));
    const bool oxygen = params->oxygen.has_value();
    QString csv = QStringLiteral("t_h,X,S,P,V,C,F\n");
    for (std::size_t i = 0; i < run.solution.times.size(); ++i) {
        const Eigen::VectorXd &y = run.solution.states[i];
        csv +=
            QStringLiteral("%1,%2,%3,%4,%5,%6,%7\n")
                .arg(number(run.solution.times[i]), number(y[StateX]), number(y[StateS]), number(y[StateP]),
                     number(y[StateV]), oxygen ? number(y[StateC]) : QString(), number(run.feedRates[i]));
    }
    return writeOutput(parser.value("out"), csv);
}

int estimate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Run the soft sensor (EKF) over measurements; writes "
                                        "t_h,X,S,P,V,C,mu_max and sd_ columns."));
    parser.addHelpOption();
    parser.addOption(paramsOption);
    parser.addOption(outOption);
    parser.addOption({"measurements", tr("CSV with t_h and any of X,S,P,V,C,OUR"), "M.csv"});
    parser.process(arguments);

    QString error;
    const auto params = loadParameters(parser, &error);
    if (!params)
        return error.startsWith(QLatin1String("--")) ? usage(parser, error) : fail(error);
    if (!parser.isSet("measurements"))
        return usage(parser, tr("--measurements is required"));
    const MeasurementTable table = loadMeasurementCsv(parser.value("measurements"));
    if (!table.ok())
        return fail(table.error);
    const EstimationRun run = runEstimation(*params, table, EkfSettings());
    if (!run.ok())
        return fail(QStringLiteral("%1: %2").arg(parser.value("params"), run.error));

    const bool oxygen = params->oxygen.has_value();
    QString csv = QStringLiteral("t_h,X,S,P,V,C,mu_max,sd_X,sd_S,sd_P,sd_V,sd_C,sd_mu_max\n");
    for (const EstimatePoint &point : run.points) {
        const int n = int(point.state.size()) - 1;
        auto column = [&](const Eigen::VectorXd &values, int state) {
            return state < n ? number(values[state]) : QString();
        };
        QStringList cells{number(point.tHours)};
        for (const Eigen::VectorXd *values : {&point.state, &point.sd}) {
            for (int state : {int(StateX), int(StateS), int(StateP), int(StateV)})
                cells << column(*values, state);
            cells << (oxygen ? column(*values, StateC) : QString()) << number((*values)[n]);
        }
        csv += cells.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return writeOutput(parser.value("out"), csv);
}

int optimize(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Recommend a piecewise-constant feed that maximises product or biomass."));
    parser.addHelpOption();
    parser.addOption(paramsOption);
    parser.addOption(outOption);
    parser.addOption({"t-end", tr("horizon in hours"), "H"});
    parser.addOption({"intervals", tr("number of constant-feed intervals"), "N"});
    parser.addOption({"objective", tr("product (default) or biomass"), "O", "product"});
    parser.addOption({"u-min", tr("minimum feed in L/h (default 0)"), "U", "0"});
    parser.addOption({"u-max", tr("maximum feed in L/h"), "U"});
    parser.addOption({"x-max", tr("upper limit on biomass X (g/L)"), "X"});
    parser.addOption({"c-min", tr("lower limit on dissolved oxygen C (g/L)"), "C"});
    parser.addOption({"v-max", tr("upper limit on volume V (L)"), "V"});
    parser.process(arguments);

    QString error;
    const auto params = loadParameters(parser, &error);
    if (!params)
        return error.startsWith(QLatin1String("--")) ? usage(parser, error) : fail(error);
    FeedOptimizationProblem problem;
    problem.parameters = *params;
    const auto tEnd = parseNumber(parser, "t-end", &error);
    const auto uMax = parseNumber(parser, "u-max", &error);
    const auto uMin = parseNumber(parser, "u-min", &error);
    bool intervalsOk = false;
    problem.intervals = parser.value("intervals").toInt(&intervalsOk);
    if (!error.isEmpty())
        return usage(parser, error);
    if (!tEnd || *tEnd <= 0.0)
        return usage(parser, tr("--t-end must be a positive number of hours"));
    if (!intervalsOk || problem.intervals < 1 || problem.intervals > 500)
        return usage(parser, tr("--intervals must be a whole number from 1 to 500"));
    if (!uMax || !uMin || *uMin < 0.0 || *uMax <= *uMin)
        return usage(parser, tr("--u-max is required and must exceed --u-min (>= 0)"));
    const QString objective = parser.value("objective");
    if (objective != QLatin1String("product") && objective != QLatin1String("biomass"))
        return usage(parser, tr("--objective: expected product or biomass"));
    problem.objective =
        objective == QLatin1String("biomass") ? FeedObjective::Biomass : FeedObjective::Product;
    problem.tEnd = *tEnd;
    problem.feedMin = *uMin;
    problem.feedMax = *uMax;
    problem.xMax = parseNumber(parser, "x-max", &error);
    problem.cMin = parseNumber(parser, "c-min", &error);
    problem.vMax = parseNumber(parser, "v-max", &error);
    if (!error.isEmpty())
        return usage(parser, error);
    if (problem.cMin && !params->oxygen)
        return usage(parser, tr("--c-min needs a model with oxygen on"));

    QElapsedTimer timer;
    timer.start();
    const FeedOptimizationResult result = FeedOptimizer::optimize(problem);
    const qint64 elapsedMs = timer.elapsed();
    if (result.feedRates.empty())
        return fail(result.message);
    QString text = QStringLiteral("t_start_h,t_end_h,F\n");
    for (std::size_t k = 0; k < result.feedRates.size(); ++k) {
        const double end = k + 1 < result.intervalStarts.size() ? result.intervalStarts[k + 1] : problem.tEnd;
        text += QStringLiteral("%1,%2,%3\n")
                    .arg(number(result.intervalStarts[k]), number(end), number(result.feedRates[k]));
    }
    text += tr("# predicted %1(%2 h) = %3 g/L; max constraint violation %4; %5 evaluations, %6 ms%7\n")
                .arg(problem.objective == FeedObjective::Product ? QStringLiteral("P") : QStringLiteral("X"))
                .arg(number(problem.tEnd))
                .arg(QString::number(result.objective, 'f', 6))
                .arg(QString::number(result.maxViolation, 'g', 3))
                .arg(result.evaluations)
                .arg(elapsedMs)
                .arg(result.ok ? QString() : QStringLiteral("; ") + result.message);
    const int written = writeOutput(parser.value("out"), text);
    return written != 0 ? written : (result.ok ? 0 : 1);
}
int fit(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Fit model parameters to a recorded run (Levenberg-Marquardt); writes "
           "name,value,sd."));
    parser.addHelpOption();
    parser.addOption(paramsOption);
    parser.addOption(outOption);
    parser.addOption({"measurements", tr("CSV with t_h and any of X,S,P,V,C,OUR"), "M.csv"});
    parser.addOption({"fit", tr("comma-separated parameter names, e.g. mu_max,Yxs,X0"), "NAMES"});
    parser.process(arguments);

    QString error;
    const auto params = loadParameters(parser, &error);
    if (!params)
        return error.startsWith(QLatin1String("--")) ? usage(parser, error) : fail(error);
    if (!parser.isSet("measurements") || !parser.isSet("fit"))
        return usage(parser, tr("--measurements and --fit are required"));
    const MeasurementTable table = loadMeasurementCsv(parser.value("measurements"));
    if (!table.ok())
        return fail(table.error);
    const ParameterFitResult result =
        fitParameters(*params, table, parser.value("fit").split(QLatin1Char(','), Qt::SkipEmptyParts));
    if (!result.ok())
        return fail(QStringLiteral("%1: %2").arg(parser.value("params"), result.error));
    QString csv = QStringLiteral("name,value,sd\n");
    for (int i = 0; i < result.names.size(); ++i)
        csv += QStringLiteral("%1,%2,%3\n")
                   .arg(result.names.at(i), number(result.values[i]), number(result.standardErrors[i]));
    return writeOutput(parser.value("out"), csv);
}
} // namespace

int runModelCommand(const QStringList &arguments)
{
    const QString action = arguments.value(1);
    const std::map<QString, std::function<int(const QStringList &)>> actions = {
        {QStringLiteral("simulate"), simulate},
        {QStringLiteral("estimate"), estimate},
        {QStringLiteral("optimize"), optimize},
        {QStringLiteral("fit"), fit}};
    const auto it = actions.find(action);
    if (it == actions.end()) {
        QTextStream(stderr) << tr("usage: %1 simulate|estimate|optimize|fit [options] (--help for each)\n")
                                   .arg(arguments.value(0));
        return 2;
    }
    QStringList rest = arguments.mid(2);
    rest.prepend(arguments.value(0) + QLatin1Char(' ') + action);
    return it->second(rest);
}
