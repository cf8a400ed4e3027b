#include "PasswordRule.h"

#include <QCoreApplication>

QString PasswordRule::problem(const QString &user, const QString &password)
{
    auto tr = [](const char *text) { return QCoreApplication::translate("PasswordRule", text); };
    if (password.size() < minimumLength)
        return tr("the password for %1 must have at least %2 characters").arg(user).arg(minimumLength);
    const bool hasLetter =
        std::any_of(password.begin(), password.end(), [](QChar c) { return c.isLetter(); });
    const bool hasOther =
        std::any_of(password.begin(), password.end(), [](QChar c) { return !c.isLetter(); });
    if (!hasLetter || !hasOther)
        return tr("the password for %1 must mix letters with digits or symbols").arg(user);
    if (password.compare(user, Qt::CaseInsensitive) == 0)
        return tr("the password for %1 must not be the user name").arg(user);
    return {};
}
