#pragma once
// Reads typed fields of one JSON object of a station file and records what is missing or wrong as
// "<file>: <JSON path>: expected <what>", e.g. "bench.json: $.alarms[2].deadband: expected a number >= 0".
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

class StationFieldReader
{
public:
    StationFieldReader(const QJsonObject &object, QString path, QString fileName, QStringList *errors);

    QString path(const QString &key) const { return m_path + QLatin1Char('.') + key; }
    bool has(const QString &key) const { return m_object.contains(key); }
    // Records an error about key (or about the object itself when key is empty).
    void fail(const QString &key, const QString &expected) const;

    QString string(const QString &key, bool required = true, const QString &fallback = {}) const;
    double number(const QString &key, bool required, double fallback = 0.0) const;
    // An optional finite number >= 0 (deadbands, delays, rate limits).
    double nonNegative(const QString &key, double fallback = 0.0) const;
    int integer(const QString &key, int minimum, int maximum, int fallback) const;
    bool boolean(const QString &key, bool fallback) const;
    QJsonArray array(const QString &key, bool required) const;
    // Records every key not in known, except comments (keys starting with "_").
    void rejectUnknownKeys(const QStringList &known) const;

    // The object at array[i], or false after recording "<path>[i]: expected an object".
    static bool objectAt(const QJsonArray &array, int i, const QString &path, const QString &fileName,
                         QStringList *errors, QJsonObject *out);

private:
    QJsonObject m_object;
    QString m_path;
    QString m_fileName;
    QStringList *m_errors;
};
