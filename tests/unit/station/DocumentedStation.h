#pragma once
// The complete station example of docs/stations.md (its first ```json block), so the tests keep it valid.
#include <QByteArray>
#include <QFile>

inline QByteArray documentedStation()
{
    QFile doc(QStringLiteral(RD_SOURCE_DIR "/docs/stations.md"));
    if (!doc.open(QIODevice::ReadOnly))
        return {};
    const QByteArray text = doc.readAll();
    const QByteArray fence = "```json\n";
    const qsizetype begin = text.indexOf(fence);
    const qsizetype end = begin < 0 ? -1 : text.indexOf("```", begin + fence.size());
    if (end < 0)
        return {};
    return text.mid(begin + fence.size(), end - begin - fence.size());
}
