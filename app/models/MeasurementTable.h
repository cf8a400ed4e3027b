#pragma once
// Measurements for the soft sensor: a time in hours and any subset of X, S, P, V, C, OUR. A missing value is
// NaN (not measured, or its reading was Bad) and is skipped by the filter, never treated as zero.
#include <QByteArray>
#include <QString>

#include <array>
#include <cmath>
#include <limits>
#include <vector>

enum class MeasuredQuantity
{
    X = 0,
    S,
    P,
    V,
    C,
    OUR
};
constexpr int measuredQuantityCount = 6;

QString measuredQuantityName(MeasuredQuantity quantity);

struct MeasurementRow
{
    double tHours = 0.0;
    std::array<double, measuredQuantityCount> values{
        std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN(),
        std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN(),
        std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN()};

    bool has(MeasuredQuantity q) const { return !std::isnan(values[std::size_t(q)]); }
    double value(MeasuredQuantity q) const { return values[std::size_t(q)]; }
    void set(MeasuredQuantity q, double v) { values[std::size_t(q)] = v; }
};

struct MeasurementTable
{
    std::vector<MeasurementRow> rows; // ascending in time
    std::array<bool, measuredQuantityCount> columnPresent{};
    QString error; // "<file>:<line>: <problem>" when parsing failed
    bool ok() const { return error.isEmpty(); }
};

// CSV with a header: t_h and any of X,S,P,V,C,OUR. Empty cell = not measured.
MeasurementTable parseMeasurementCsv(const QByteArray &csv, const QString &sourceName);
MeasurementTable loadMeasurementCsv(const QString &path);
