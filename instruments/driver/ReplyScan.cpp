#include "ReplyScan.h"

ReplyScanner lineScanner(const QByteArray &terminator)
{
    return [terminator](const QByteArray &buffer) {
        const qsizetype end = buffer.indexOf(terminator);
        return end < 0 ? ReplyScan::needMore() : ReplyScan::complete(end + terminator.size());
    };
}
