#pragma once
// The process model's parameter file (one JSON file for the CLI, the station and the tests), as plain data.
// Optional kinetic terms are std::optional: an absent Ki, Ko, Yps or Yxo means "no such term", not zero.
#include <QByteArray>
#include <QString>

#include <map>
#include <optional>
#include <vector>

enum class ReactorMode
{
    FedBatch,
    Chemostat
};

enum class FeedProfileType
{
    Constant,
    Exponential,
    Piecewise,
    Chemostat
};

struct Kinetics
{
    double muMax = 0.0;
    double Ks = 0.0;
    std::optional<double> Ki;
    std::optional<double> Ko;
    double kd = 0.0;
    double Yxs = 1.0;
    double ms = 0.0;
    double alpha = 0.0;
    double beta = 0.0;
    std::optional<double> Yps;
    std::optional<double> Yxo;
    double mo = 0.0;
};

struct OxygenTransfer
{
    double kLa = 0.0;
    double cStar = 0.0;
};

// The most oxygen the vessel can transfer while keeping dissolved oxygen at or above C_min:
// OUR_max = kLa (C_star - C_min), in g O2/L/h. A model without a dissolved-oxygen state still has to respect
// it: the feed optimiser caps the feed so that the oxygen the fed substrate needs stays below it.
struct OxygenTransferLimit
{
    double kLa = 0.0;   // 1/h
    double cStar = 0.0; // g/L, saturation
    double cMin = 0.0;  // g/L, the lowest dissolved oxygen the culture may reach
    double maxUptakeRate() const { return kLa * (cStar - cMin); }
};

struct FeedSettings
{
    double sIn = 0.0;
    FeedProfileType type = FeedProfileType::Constant;
    double F = 0.0;            // constant
    double F0 = 0.0;           // exponential: F0 * exp(mu_set * t)
    double muSet = 0.0;        // exponential
    std::vector<double> times; // piecewise: F[i] from times[i] until times[i+1] (the last one holds)
    std::vector<double> rates; // piecewise
    double D = 0.0;            // chemostat: F = D * V
};

struct InitialState
{
    double X = 0.0;
    double S = 0.0;
    double P = 0.0;
    double V = 1.0;
    double C = 0.0;
};

struct ModelParameters
{
    ReactorMode mode = ReactorMode::FedBatch;
    Kinetics kinetics;
    std::optional<OxygenTransfer> oxygen;
    std::optional<OxygenTransferLimit> oxygenLimit; // absent in older files: no cap
    FeedSettings feed;
    InitialState initial;
    std::map<QString, double> measurementNoise; // column (X, S, P, V, C, OUR) -> standard deviation
};

struct ModelParametersResult
{
    std::optional<ModelParameters> parameters;
    QString error; // "<file>: <json path>: <problem>" when parameters is empty
};

// Parses and validates the JSON text; sourceName (usually the file path) prefixes every error.
ModelParametersResult parseModelParameters(const QByteArray &json, const QString &sourceName);
ModelParametersResult loadModelParameters(const QString &path);
