#include "ModelParameters.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <cmath>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ModelParameters", text);
}

// Walks the JSON tree keeping the path of the current object; the first problem found is kept and reported.
class JsonReader
{
public:
    explicit JsonReader(QString sourceName) : m_source(std::move(sourceName)) {}

    bool failed() const { return !m_error.isEmpty(); }
    QString error() const { return m_error; }

    void fail(const QString &path, const QString &problem)
    {
        if (m_error.isEmpty())
            m_error = QStringLiteral("%1: %2: %3")
                          .arg(m_source, path.isEmpty() ? QStringLiteral("$") : path, problem);
    }

    static QString join(const QString &path, const QString &key)
    {
        return path.isEmpty() ? key : path + QLatin1Char('.') + key;
    }

    // Unknown keys are errors: a misspelt "mu_mx" must not silently fall back to a default.
    void onlyKeys(const QJsonObject &object, const QString &path, const QStringList &allowed)
    {
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!allowed.contains(it.key()))
                fail(join(path, it.key()),
                     tr("unknown key (expected one of: %1)").arg(allowed.join(QLatin1String(", "))));
        }
    }

    QJsonObject object(const QJsonObject &parent, const QString &path, const QString &key, bool required)
    {
        const QJsonValue value = parent.value(key);
        if (value.isUndefined() || value.isNull()) {
            if (required)
                fail(join(path, key), tr("missing (expected an object)"));
            return {};
        }
        if (!value.isObject()) {
            fail(join(path, key), tr("expected an object"));
            return {};
        }
        return value.toObject();
    }

    std::optional<double> number(const QJsonObject &parent, const QString &path, const QString &key,
                                 bool required, bool positive = false)
    {
        const QJsonValue value = parent.value(key);
        if (value.isUndefined() || value.isNull()) {
            if (required)
                fail(join(path, key), tr("missing (expected a number)"));
            return std::nullopt;
        }
        if (!value.isDouble()) {
            fail(join(path, key), tr("expected a number"));
            return std::nullopt;
        }
        const double x = value.toDouble();
        if (!std::isfinite(x)) {
            fail(join(path, key), tr("expected a finite number"));
            return std::nullopt;
        }
        if (positive && x <= 0.0) {
            fail(join(path, key), tr("must be greater than zero"));
            return std::nullopt;
        }
        if (!positive && x < 0.0) {
            fail(join(path, key), tr("must not be negative"));
            return std::nullopt;
        }
        return x;
    }

    std::vector<double> numberArray(const QJsonObject &parent, const QString &path, const QString &key)
    {
        const QJsonValue value = parent.value(key);
        if (!value.isArray()) {
            fail(join(path, key), value.isUndefined() ? tr("missing (expected an array of numbers)")
                                                      : tr("expected an array of numbers"));
            return {};
        }
        std::vector<double> numbers;
        const QJsonArray array = value.toArray();
        for (int i = 0; i < array.size(); ++i) {
            if (!array.at(i).isDouble() || !std::isfinite(array.at(i).toDouble())) {
                fail(QStringLiteral("%1[%2]").arg(join(path, key)).arg(i), tr("expected a number"));
                return {};
            }
            numbers.push_back(array.at(i).toDouble());
        }
        return numbers;
    }

private:
    QString m_source;
    QString m_error;
};

Kinetics readKinetics(JsonReader &r, const QJsonObject &o)
{
    const QString p = QStringLiteral("kinetics");
    r.onlyKeys(o, p, {"mu_max", "Ks", "Ki", "Ko", "kd", "Yxs", "ms", "alpha", "beta", "Yps", "Yxo", "mo"});
    Kinetics k;
    k.muMax = r.number(o, p, "mu_max", true).value_or(0.0);
    k.Ks = r.number(o, p, "Ks", false).value_or(0.0);
    k.Ki = r.number(o, p, "Ki", false, true);
    k.Ko = r.number(o, p, "Ko", false, true);
    k.kd = r.number(o, p, "kd", false).value_or(0.0);
    k.Yxs = r.number(o, p, "Yxs", true, true).value_or(1.0);
    k.ms = r.number(o, p, "ms", false).value_or(0.0);
    k.alpha = r.number(o, p, "alpha", false).value_or(0.0);
    k.beta = r.number(o, p, "beta", false).value_or(0.0);
    k.Yps = r.number(o, p, "Yps", false, true);
    k.Yxo = r.number(o, p, "Yxo", false, true);
    k.mo = r.number(o, p, "mo", false).value_or(0.0);
    return k;
}

FeedSettings readFeed(JsonReader &r, const QJsonObject &o)
{
    const QString p = QStringLiteral("feed");
    r.onlyKeys(o, p, {"S_in", "profile"});
    FeedSettings feed;
    feed.sIn = r.number(o, p, "S_in", true).value_or(0.0);
    const QString pp = QStringLiteral("feed.profile");
    const QJsonObject profile = r.object(o, p, "profile", true);
    if (r.failed())
        return feed;
    const QJsonValue type = profile.value("type");
    if (!type.isString()) {
        r.fail(pp + ".type",
               tr("expected one of \"constant\", \"exponential\", \"piecewise\", \"chemostat\""));
        return feed;
    }
    const QString name = type.toString();
    if (name == QLatin1String("constant")) {
        r.onlyKeys(profile, pp, {"type", "F"});
        feed.type = FeedProfileType::Constant;
        feed.F = r.number(profile, pp, "F", true).value_or(0.0);
    } else if (name == QLatin1String("exponential")) {
        r.onlyKeys(profile, pp, {"type", "F0", "mu_set"});
        feed.type = FeedProfileType::Exponential;
        feed.F0 = r.number(profile, pp, "F0", true).value_or(0.0);
        feed.muSet = r.number(profile, pp, "mu_set", true).value_or(0.0);
    } else if (name == QLatin1String("piecewise")) {
        r.onlyKeys(profile, pp, {"type", "times", "F"});
        feed.type = FeedProfileType::Piecewise;
        feed.times = r.numberArray(profile, pp, "times");
        feed.rates = r.numberArray(profile, pp, "F");
        if (!r.failed() && (feed.times.empty() || feed.times.size() != feed.rates.size()))
            r.fail(pp, tr("\"times\" and \"F\" must be non-empty and of equal length"));
        for (std::size_t i = 1; !r.failed() && i < feed.times.size(); ++i) {
            if (feed.times[i] <= feed.times[i - 1])
                r.fail(QStringLiteral("%1.times[%2]").arg(pp).arg(i), tr("times must increase"));
        }
        for (std::size_t i = 0; !r.failed() && i < feed.rates.size(); ++i) {
            if (feed.rates[i] < 0.0)
                r.fail(QStringLiteral("%1.F[%2]").arg(pp).arg(i), tr("must not be negative"));
        }
    } else if (name == QLatin1String("chemostat")) {
        r.onlyKeys(profile, pp, {"type", "D"});
        feed.type = FeedProfileType::Chemostat;
        feed.D = r.number(profile, pp, "D", true).value_or(0.0);
    } else {
        r.fail(pp + ".type", tr("unknown profile type \"%1\"").arg(name));
    }
    return feed;
}

InitialState readInitial(JsonReader &r, const QJsonObject &o, bool oxygenOn)
{
    const QString p = QStringLiteral("initial");
    r.onlyKeys(o, p, {"X", "S", "P", "V", "C"});
    InitialState s;
    s.X = r.number(o, p, "X", true).value_or(0.0);
    s.S = r.number(o, p, "S", true).value_or(0.0);
    s.P = r.number(o, p, "P", false).value_or(0.0);
    s.V = r.number(o, p, "V", true, true).value_or(1.0);
    s.C = r.number(o, p, "C", oxygenOn).value_or(0.0);
    return s;
}

OxygenTransferLimit readOxygenLimit(JsonReader &r, const QJsonObject &o, const Kinetics &kinetics)
{
    const QString p = QStringLiteral("oxygen_limit");
    r.onlyKeys(o, p, {"kLa", "C_star", "C_min"});
    OxygenTransferLimit limit;
    limit.kLa = r.number(o, p, "kLa", true, true).value_or(0.0);
    limit.cStar = r.number(o, p, "C_star", true, true).value_or(0.0);
    limit.cMin = r.number(o, p, "C_min", true).value_or(0.0);
    if (!r.failed() && limit.cMin >= limit.cStar)
        r.fail(QStringLiteral("oxygen_limit.C_min"), tr("must be below C_star (%1)").arg(limit.cStar));
    // The cap converts fed substrate into oxygen demand through the biomass yield on oxygen.
    if (!r.failed() && !kinetics.Yxo)
        r.fail(QStringLiteral("kinetics.Yxo"),
               tr("missing (oxygen_limit needs the biomass yield on oxygen, g/g)"));
    return limit;
}

const QStringList &measurementColumns()
{
    static const QStringList columns = {"X", "S", "P", "V", "C", "OUR"};
    return columns;
}
} // namespace

ModelParametersResult parseModelParameters(const QByteArray &json, const QString &sourceName)
{
    JsonReader r(sourceName);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        r.fail(QString(),
               tr("invalid JSON at offset %1: %2").arg(parseError.offset).arg(parseError.errorString()));
        return {std::nullopt, r.error()};
    }
    if (!document.isObject()) {
        r.fail(QString(), tr("expected a JSON object"));
        return {std::nullopt, r.error()};
    }
    const QJsonObject root = document.object();
    r.onlyKeys(root, QString(),
               {"mode", "kinetics", "oxygen", "oxygen_limit", "feed", "initial", "measurement_noise"});

    ModelParameters params;
    const QJsonValue mode = root.value("mode");
    if (mode.isUndefined() || mode.toString() == QLatin1String("fed-batch"))
        params.mode = ReactorMode::FedBatch;
    else if (mode.toString() == QLatin1String("chemostat"))
        params.mode = ReactorMode::Chemostat;
    else
        r.fail(QStringLiteral("mode"), tr("expected \"fed-batch\" or \"chemostat\""));

    params.kinetics = readKinetics(r, r.object(root, QString(), "kinetics", true));
    const QJsonObject oxygen = r.object(root, QString(), "oxygen", false);
    if (!oxygen.isEmpty()) {
        r.onlyKeys(oxygen, "oxygen", {"kLa", "C_star"});
        OxygenTransfer transfer;
        transfer.kLa = r.number(oxygen, "oxygen", "kLa", true).value_or(0.0);
        transfer.cStar = r.number(oxygen, "oxygen", "C_star", true).value_or(0.0);
        params.oxygen = transfer;
    }
    const QJsonObject limit = r.object(root, QString(), "oxygen_limit", false);
    if (!limit.isEmpty())
        params.oxygenLimit = readOxygenLimit(r, limit, params.kinetics);
    params.feed = readFeed(r, r.object(root, QString(), "feed", true));
    params.initial = readInitial(r, r.object(root, QString(), "initial", true), params.oxygen.has_value());

    const QJsonObject noise = r.object(root, QString(), "measurement_noise", false);
    r.onlyKeys(noise, "measurement_noise", measurementColumns());
    for (const QString &column : measurementColumns()) {
        if (const auto sd = r.number(noise, "measurement_noise", column, false, true))
            params.measurementNoise[column] = *sd;
    }
    if (r.failed())
        return {std::nullopt, r.error()};
    return {params, QString()};
}

ModelParametersResult loadModelParameters(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {std::nullopt, QStringLiteral("%1: %2").arg(path, file.errorString())};
    return parseModelParameters(file.readAll(), path);
}
