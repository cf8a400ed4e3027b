#pragma once
// Builds one JSON object of a station file on top of the object the original file had for the same thing:
// every key the loader knows is written afresh from the running configuration, every other key of the
// original (an operator's "_comment") is kept as it was. An optional key that holds its default is left out,
// unless the original spelled it out.
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

class StationObjectWriter
{
public:
    StationObjectWriter(const QJsonObject &original, const QStringList &knownKeys);

    void set(const QString &key, const QJsonValue &value) { m_object.insert(key, value); }
    // Writes value unless it is the loader's default and the original did not have the key.
    void setUnlessDefault(const QString &key, const QJsonValue &value, bool isDefault);
    bool originalHas(const QString &key) const { return m_original.contains(key); }
    QJsonObject original() const { return m_original; }
    QJsonObject object() const { return m_object; }

    // The object in array whose key (e.g. "name", "id") is value; empty when there is none.
    static QJsonObject find(const QJsonArray &array, const QString &key, const QString &value);

private:
    QJsonObject m_original;
    QJsonObject m_object;
};
