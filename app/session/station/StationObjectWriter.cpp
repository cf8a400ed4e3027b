#include "StationObjectWriter.h"

StationObjectWriter::StationObjectWriter(const QJsonObject &original, const QStringList &knownKeys)
    : m_original(original), m_object(original)
{
    for (const QString &key : knownKeys)
        m_object.remove(key);
}

void StationObjectWriter::setUnlessDefault(const QString &key, const QJsonValue &value, bool isDefault)
{
    if (!isDefault || m_original.contains(key))
        m_object.insert(key, value);
}

QJsonObject StationObjectWriter::find(const QJsonArray &array, const QString &key, const QString &value)
{
    for (const QJsonValue &item : array)
        if (item.isObject() && item.toObject().value(key).toString() == value)
            return item.toObject();
    return {};
}
