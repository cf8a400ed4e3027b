#include "ModbusValue.h"

#include <cmath>
#include <cstring>

quint32 ModbusValue::join(quint16 first, quint16 second, bool lowWordFirst)
{
    return lowWordFirst ? (quint32(second) << 16 | first) : (quint32(first) << 16 | second);
}

double ModbusValue::decode(const quint16 *regs) const
{
    switch (type) {
    case Type::U16:
        return regs[0] * scale;
    case Type::I16:
        return qint16(regs[0]) * scale;
    case Type::U32:
        return join(regs[0], regs[1], lowWordFirst) * scale;
    case Type::I32:
        return qint32(join(regs[0], regs[1], lowWordFirst)) * scale;
    case Type::F32: {
        const quint32 bits = join(regs[0], regs[1], lowWordFirst);
        float f;
        std::memcpy(&f, &bits, sizeof f);
        return double(f) * scale;
    }
    }
    return 0.0;
}

QList<quint16> ModbusValue::encode(double value) const
{
    const double raw = value / scale;
    quint32 bits = 0;
    switch (type) {
    case Type::U16:
    case Type::I16:
        return {quint16(qint16(std::lround(raw)))};
    case Type::U32:
    case Type::I32:
        bits = quint32(qint32(std::llround(raw)));
        break;
    case Type::F32: {
        const float f = float(raw);
        std::memcpy(&bits, &f, sizeof bits);
        break;
    }
    }
    const quint16 high = quint16(bits >> 16), low = quint16(bits & 0xffff);
    return lowWordFirst ? QList<quint16>{low, high} : QList<quint16>{high, low};
}

bool ModbusValue::typeFromName(const QString &name, Type *type)
{
    static const struct
    {
        const char *name;
        Type type;
    } names[] = {
        {"u16", Type::U16}, {"i16", Type::I16}, {"u32", Type::U32}, {"i32", Type::I32}, {"f32", Type::F32}};
    for (const auto &entry : names)
        if (name == QLatin1String(entry.name)) {
            *type = entry.type;
            return true;
        }
    return false;
}
