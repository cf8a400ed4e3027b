#include "ScpiReply.h"

#include <QCoreApplication>

#include <cmath>

namespace {
ScpiReply malformed(const QString &reason)
{
    ScpiReply reply;
    reply.kind = ScpiReply::Kind::Malformed;
    reply.text = reason;
    return reply;
}

bool parseFinite(const QByteArray &text, double *value)
{
    bool ok = false;
    *value = text.trimmed().toDouble(&ok);
    return ok && std::isfinite(*value);
}

ScpiReply parseError(const QByteArray &body)
{
    const qsizetype comma = body.indexOf(',');
    bool ok = false;
    ScpiReply reply;
    reply.kind = ScpiReply::Kind::Error;
    reply.errorCode = body.left(comma < 0 ? body.size() : comma).trimmed().toInt(&ok);
    if (!ok)
        return malformed(QCoreApplication::translate("ScpiReply", "error reply without a numeric code"));
    if (comma >= 0) {
        QByteArray text = body.mid(comma + 1).trimmed();
        if (text.size() >= 2 && text.startsWith('"') && text.endsWith('"'))
            text = text.mid(1, text.size() - 2);
        reply.text = QString::fromUtf8(text);
    }
    return reply;
}

ScpiReply parseFields(const QByteArray &line)
{
    ScpiReply reply;
    reply.kind = ScpiReply::Kind::Fields;
    for (const QByteArray &item : line.split(',')) {
        const qsizetype eq = item.indexOf('=');
        const QByteArray name = item.left(eq).trimmed();
        ScpiReply::Field field{QString::fromLatin1(name), 0.0};
        if (eq <= 0 || name.isEmpty() || !parseFinite(item.mid(eq + 1), &field.value))
            return malformed(QCoreApplication::translate("ScpiReply", "bad field \"%1\"")
                                 .arg(QString::fromLatin1(item.left(40))));
        reply.fields.append(field);
    }
    return reply;
}
} // namespace

ScpiReply ScpiReply::parse(const QByteArray &rawLine)
{
    const QByteArray line = rawLine.trimmed();
    if (line.isEmpty())
        return malformed(QCoreApplication::translate("ScpiReply", "empty reply"));
    if (line == "OK")
        return ScpiReply{Kind::Ok, 0.0, {}, 0, {}};
    if (line.startsWith("ERR "))
        return parseError(line.mid(4));
    if (line.contains('='))
        return parseFields(line);
    ScpiReply reply;
    if (!parseFinite(line, &reply.value))
        return malformed(QCoreApplication::translate("ScpiReply", "not a number: \"%1\"")
                             .arg(QString::fromLatin1(line.left(40))));
    reply.kind = Kind::Value;
    return reply;
}
