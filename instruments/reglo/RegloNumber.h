#pragma once
// The Reglo ICC "volume type" number: four mantissa digits, E, a sign and one exponent digit, read as
// m.mmm x 10^e. "3250E+1" = 32.5, "1000E-1" = 0.1. Four significant digits; zero is "0000E+0".
#include <QByteArray>

namespace RegloNumber {
bool parse(const QByteArray &text, double *value);
// Empty when the value cannot be written (negative, not finite, or beyond 9.999E+9).
QByteArray format(double value);
} // namespace RegloNumber
