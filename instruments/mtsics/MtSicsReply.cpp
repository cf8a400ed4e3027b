#include "MtSicsReply.h"

#include <QCoreApplication>
#include <QList>

#include <cmath>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("MtSicsReply", text);
}

MtSicsReply malformed(const QByteArray &line)
{
    MtSicsReply reply;
    reply.text = tr("malformed MT-SICS reply \"%1\"").arg(QString::fromLatin1(line.left(40)));
    return reply;
}
} // namespace

MtSicsReply MtSicsReply::parse(const QByteArray &rawLine)
{
    const QByteArray line = rawLine.trimmed();
    MtSicsReply reply;
    if (line == "ES" || line == "ET" || line == "EL") {
        reply.kind = line == "ES"   ? Kind::SyntaxError
                     : line == "ET" ? Kind::TransmissionError
                                    : Kind::LogicalError;
        return reply;
    }
    const QList<QByteArray> tokens = line.simplified().split(' ');
    if (tokens.size() < 2)
        return malformed(line);
    reply.command = tokens.at(0);
    const QByteArray status = tokens.at(1);
    if (status == "I" && tokens.size() == 2)
        reply.kind = Kind::NotExecutable;
    else if (status == "+" && tokens.size() == 2)
        reply.kind = Kind::Overload;
    else if (status == "-" && tokens.size() == 2)
        reply.kind = Kind::Underload;
    else if (status == "A" && tokens.size() == 2)
        reply.kind = Kind::Done;
    else if (status == "A" && line.count('"') == 2) {
        reply.kind = Kind::Text;
        const qsizetype open = line.indexOf('"');
        reply.text = QString::fromLatin1(line.mid(open + 1, line.lastIndexOf('"') - open - 1));
    } else if ((status == "S" || status == "D") && tokens.size() == 4) {
        bool ok = false;
        reply.value = tokens.at(2).toDouble(&ok);
        if (!ok || !std::isfinite(reply.value))
            return malformed(line);
        reply.kind = Kind::Weight;
        reply.stable = status == "S";
        reply.unit = QString::fromLatin1(tokens.at(3));
    } else {
        return malformed(line);
    }
    return reply;
}

QString MtSicsReply::describe() const
{
    switch (kind) {
    case Kind::NotExecutable:
        return tr("command not executable now (balance busy)");
    case Kind::Overload:
        return tr("balance overloaded");
    case Kind::Underload:
        return tr("balance underloaded (weighing pan missing?)");
    case Kind::SyntaxError:
        return tr("syntax error (ES): command not recognised");
    case Kind::TransmissionError:
        return tr("transmission error (ET): parity or line noise");
    case Kind::LogicalError:
        return tr("logical error (EL): command cannot be executed");
    case Kind::Malformed:
        return text;
    default:
        return {};
    }
}
