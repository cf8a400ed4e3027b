#include "RegloNumber.h"

#include <cmath>

namespace RegloNumber {
bool parse(const QByteArray &text, double *value)
{
    const QByteArray t = text.trimmed();
    if (t.size() != 7 || t.at(4) != 'E' || (t.at(5) != '+' && t.at(5) != '-'))
        return false;
    for (int i : {0, 1, 2, 3, 6})
        if (t.at(i) < '0' || t.at(i) > '9')
            return false;
    const int mantissa = t.left(4).toInt();
    const int exponent = (t.at(6) - '0') * (t.at(5) == '-' ? -1 : 1);
    *value = mantissa / 1000.0 * std::pow(10.0, exponent);
    return true;
}

QByteArray format(double value)
{
    if (!std::isfinite(value) || value < 0)
        return {};
    if (value == 0.0)
        return QByteArrayLiteral("0000E+0");
    int exponent = int(std::floor(std::log10(value)));
    long mantissa = std::lround(value / std::pow(10.0, exponent) * 1000.0);
    if (mantissa >= 10000) { // rounding carried into a fifth digit
        mantissa /= 10;
        ++exponent;
    }
    if (exponent < -9 || exponent > 9)
        return {};
    return QByteArray::number(qlonglong(mantissa)).rightJustified(4, '0') + 'E' + (exponent < 0 ? '-' : '+') +
           QByteArray::number(std::abs(exponent));
}
} // namespace RegloNumber
