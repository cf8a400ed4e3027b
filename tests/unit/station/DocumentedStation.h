#pragma once
// The station examples of docs/stations.md, so the tests keep them valid: block 0 (the first ```json block)
// is the complete example, block 1 the commented station of "Writing a station back".
#include <QByteArray>
#include <QFile>

inline QByteArray documentedStation(int block = 0)
{
    QFile doc(QStringLiteral(RD_SOURCE_DIR "/docs/stations.md"));
    if (!doc.open(QIODevice::ReadOnly))
        return {};
    const QByteArray text = doc.readAll();
    const QByteArray fence = "```json\n";
    qsizetype begin = -1, end = 0;
    for (int i = 0; i <= block; ++i) {
        begin = text.indexOf(fence, end);
        end = begin < 0 ? -1 : text.indexOf("```", begin + fence.size());
        if (end < 0)
            return {};
    }
    return text.mid(begin + fence.size(), end - begin - fence.size());
}
