#pragma once
// The strength rule for passwords set by anyone (first admin, new user, reset, own change): at least
// minimumLength characters, at least one letter and at least one digit or symbol, and not the user's name.
#include <QString>

namespace PasswordRule {
constexpr int minimumLength = 8;
// Empty when the password is acceptable; otherwise what is wrong, naming the user (never the password).
QString problem(const QString &user, const QString &password);
} // namespace PasswordRule
