#include "StationFieldReader.h"

#include <QCoreApplication>

#include <cmath>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("StationLoader", text);
}
} // namespace

StationFieldReader::StationFieldReader(const QJsonObject &object, QString path, QString fileName,
                                       QStringList *errors)
    : m_object(object), m_path(std::move(path)), m_fileName(std::move(fileName)), m_errors(errors)
{
}

void StationFieldReader::fail(const QString &key, const QString &expected) const
{
    m_errors->append(tr("%1: %2: expected %3").arg(m_fileName, key.isEmpty() ? m_path : path(key), expected));
}

QString StationFieldReader::string(const QString &key, bool required, const QString &fallback) const
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() && !required)
        return fallback;
    if (!v.isString() || v.toString().trimmed().isEmpty()) {
        fail(key, tr("a non-empty string"));
        return fallback;
    }
    return v.toString();
}

double StationFieldReader::number(const QString &key, bool required, double fallback) const
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() && !required)
        return fallback;
    if (!v.isDouble() || !std::isfinite(v.toDouble())) {
        fail(key, tr("a number"));
        return fallback;
    }
    return v.toDouble();
}

double StationFieldReader::nonNegative(const QString &key, double fallback) const
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined())
        return fallback;
    if (!v.isDouble() || !std::isfinite(v.toDouble()) || v.toDouble() < 0) {
        fail(key, tr("a number >= 0"));
        return fallback;
    }
    return v.toDouble();
}

int StationFieldReader::integer(const QString &key, int minimum, int maximum, int fallback) const
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined())
        return fallback;
    const double d = v.toDouble(std::nan(""));
    if (!v.isDouble() || d != std::floor(d) || d < minimum || d > maximum) {
        fail(key, tr("a whole number from %1 to %2").arg(minimum).arg(maximum));
        return fallback;
    }
    return int(d);
}

bool StationFieldReader::boolean(const QString &key, bool fallback) const
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined())
        return fallback;
    if (!v.isBool())
        fail(key, tr("true or false"));
    return v.toBool(fallback);
}

QJsonArray StationFieldReader::array(const QString &key, bool required) const
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() && !required)
        return {};
    if (!v.isArray())
        fail(key, tr("an array"));
    return v.toArray();
}

void StationFieldReader::rejectUnknownKeys(const QStringList &known) const
{
    // Keys starting with "_" are the operator's comments ("_note": "..."): ignored here, kept by
    // StationWriter.
    for (const QString &key : m_object.keys())
        if (!known.contains(key) && !key.startsWith(QLatin1Char('_')))
            fail(key, tr("no such key here (known: %1)").arg(known.join(QStringLiteral(", "))));
}

bool StationFieldReader::objectAt(const QJsonArray &array, int i, const QString &path,
                                  const QString &fileName, QStringList *errors, QJsonObject *out)
{
    if (!array.at(i).isObject()) {
        errors->append(tr("%1: %2[%3]: expected an object").arg(fileName, path).arg(i));
        return false;
    }
    *out = array.at(i).toObject();
    return true;
}
