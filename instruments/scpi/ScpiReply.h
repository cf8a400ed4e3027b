#pragma once
// Parses the replies of ReactorDesk's SCPI-style line protocol:
//   value reply        "7.012"
//   multi-channel      "ph=7.012,do=85.2,temperature=37.01" (READ?)
//   acknowledgement    "OK"
//   error              ERR -113,"Undefined header"
// Malformed replies are values of kind Malformed with a reason, never exceptions.
#include <QByteArray>
#include <QList>
#include <QString>

struct ScpiReply
{
    enum class Kind
    {
        Value,
        Fields,
        Ok,
        Error,
        Malformed
    };
    struct Field
    {
        QString name;
        double value;
    };

    Kind kind = Kind::Malformed;
    double value = 0.0;
    QList<Field> fields;
    int errorCode = 0;
    QString text; // error text, or the reason a reply is malformed

    static ScpiReply parse(const QByteArray &line);
};
