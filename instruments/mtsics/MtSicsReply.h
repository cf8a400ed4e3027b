#pragma once
// Parses one MT-SICS reply line (CR LF already removed):
//   "S S     100.00 g"  stable weight        "S D     129.07 g"  dynamic weight
//   "S I"  not executable now                "S +" / "S -"  overload / underload
//   "Z A"  done                              "I4 A \"B021002593\""  text answer
//   "ES" / "ET" / "EL"  syntax, transmission, logical error
#include <QByteArray>
#include <QString>

struct MtSicsReply
{
    enum class Kind
    {
        Weight,            // value + unit; stable tells S from D
        Done,              // A
        NotExecutable,     // I
        Overload,          // +
        Underload,         // -
        Text,              // A with a quoted text
        SyntaxError,       // ES
        TransmissionError, // ET
        LogicalError,      // EL
        Malformed
    };
    Kind kind = Kind::Malformed;
    QByteArray command; // the command the reply belongs to ("S", "SI", "Z", ...)
    bool stable = false;
    double value = 0.0;
    QString unit;
    QString text; // Text answer, or why a reply is malformed

    static MtSicsReply parse(const QByteArray &line);
    bool isError() const
    {
        return kind == Kind::SyntaxError || kind == Kind::TransmissionError || kind == Kind::LogicalError;
    }
    QString describe() const;
};
