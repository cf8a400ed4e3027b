#pragma once
// How a number is stored in Modbus registers: type, word order of 32-bit values, and a scale factor (value =
// raw * scale). The Hamilton Arc sends 32-bit items low word first; PLCs vary, so the station file says.
#include <QList>
#include <QString>

struct ModbusValue
{
    enum class Type
    {
        U16,
        I16,
        U32,
        I32,
        F32
    };
    Type type = Type::U16;
    bool lowWordFirst = false;
    double scale = 1.0;

    int registerCount() const { return type == Type::U16 || type == Type::I16 ? 1 : 2; }
    // Decodes registerCount() registers starting at regs[0].
    double decode(const quint16 *regs) const;
    QList<quint16> encode(double value) const; // for simulators and writes

    static bool typeFromName(const QString &name, Type *type); // "u16", "i16", "u32", "i32", "f32"
    static quint32 join(quint16 first, quint16 second, bool lowWordFirst);
};
