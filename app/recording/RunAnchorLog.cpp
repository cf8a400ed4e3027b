#include "RunAnchorLog.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageAuthenticationCode>

#include <unistd.h>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("RunAnchorLog", text);
}

QByteArray body(const RunAnchor &anchor)
{
    return anchor.runId.toUtf8() + ' ' + QByteArray::number(anchor.auditRows) + ' ' +
           anchor.headHash.toHex() + ' ' +
           QDateTime::fromMSecsSinceEpoch(anchor.utcMs, Qt::UTC).toString(Qt::ISODateWithMs).toLatin1();
}

QByteArray seal(const QByteArray &key, const QByteArray &body)
{
    return QMessageAuthenticationCode::hash(body, key, QCryptographicHash::Sha256);
}

// Compares without stopping at the first difference, so the time taken does not tell how much matched.
bool sameBytes(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= char(a[i] ^ b[i]);
    return difference == 0;
}
} // namespace

RunAnchorLog::RunAnchorLog(QString path, QByteArray key) : m_path(std::move(path)), m_key(std::move(key))
{
}

// A crash in the middle of an append can leave a line without its newline; the next line would be glued
// to it and both would fail to verify. Cut such a tail off once, before the first append.
QString RunAnchorLog::trimTornTail()
{
    QFile file(m_path);
    if (!file.exists() || file.size() == 0)
        return {};
    if (!file.open(QIODevice::ReadWrite))
        return tr("cannot open anchor log %1: %2").arg(m_path, file.errorString());
    const QByteArray contents = file.readAll();
    if (contents.endsWith('\n'))
        return {};
    return file.resize(contents.lastIndexOf('\n') + 1)
               ? QString()
               : tr("cannot repair anchor log %1: %2").arg(m_path, file.errorString());
}

QString RunAnchorLog::append(const RunAnchor &anchor)
{
    if (!QDir().mkpath(QFileInfo(m_path).absolutePath()))
        return tr("cannot create the folder of anchor log %1").arg(m_path);
    if (!m_tailChecked) {
        if (const QString error = trimTornTail(); !error.isEmpty())
            return error;
        m_tailChecked = true;
    }
    const QByteArray text = body(anchor);
    const QByteArray line = text + ' ' + seal(m_key, text).toHex() + '\n';
    QFile file(m_path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append) || file.write(line) != line.size() ||
        !file.flush() || ::fsync(file.handle()) != 0)
        return tr("cannot append to anchor log %1: %2").arg(m_path, file.errorString());
    return {};
}

RunAnchorLog::Contents RunAnchorLog::read(const QString &path, const QByteArray &key)
{
    Contents contents;
    QFile file(path);
    if (!file.exists())
        return contents;
    contents.exists = true;
    if (!file.open(QIODevice::ReadOnly)) {
        contents.problem = tr("cannot read anchor log %1: %2").arg(path, file.errorString());
        return contents;
    }
    const QByteArray all = file.readAll();
    QList<QByteArray> lines = all.split('\n');
    const QByteArray torn = lines.takeLast(); // empty when the file ends with a newline
    if (!torn.isEmpty())
        contents.warning = tr("anchor log %1 line %2 is incomplete (cut off by a crash) and was ignored")
                               .arg(path)
                               .arg(lines.size() + 1);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QList<QByteArray> fields = lines.at(i).split(' ');
        RunAnchor anchor;
        bool countOk = false;
        QString what;
        if (fields.size() != 5) {
            what = tr("expected 5 fields, found %1").arg(fields.size());
        } else if (!sameBytes(QByteArray::fromHex(fields.at(4)),
                              seal(key, lines.at(i).left(lines.at(i).lastIndexOf(' '))))) {
            what = tr("its seal (HMAC) does not match: the line was altered or sealed with another key");
        } else {
            anchor.runId = QString::fromUtf8(fields.at(0));
            anchor.auditRows = fields.at(1).toLongLong(&countOk);
            anchor.headHash = QByteArray::fromHex(fields.at(2));
            const QDateTime time =
                QDateTime::fromString(QString::fromLatin1(fields.at(3)), Qt::ISODateWithMs);
            anchor.utcMs = time.toMSecsSinceEpoch();
            if (!countOk || anchor.auditRows < 1)
                what = tr("field 2 (audit rows) is not a positive number");
            else if (anchor.headHash.size() != 32)
                what = tr("field 3 (head hash) is not 64 hexadecimal digits");
            else if (!time.isValid())
                what = tr("field 4 (UTC time) is not an ISO 8601 time");
            else if (!contents.anchors.isEmpty() && anchor.auditRows < contents.anchors.constLast().auditRows)
                what = tr("it anchors %1 audit rows after a line that anchored %2")
                           .arg(anchor.auditRows)
                           .arg(contents.anchors.constLast().auditRows);
        }
        if (!what.isEmpty()) {
            contents.problem = tr("anchor log %1 line %2: %3").arg(path).arg(i + 1).arg(what);
            return contents;
        }
        contents.anchors.append(anchor);
    }
    return contents;
}
