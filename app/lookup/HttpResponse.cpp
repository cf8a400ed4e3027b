#include "HttpResponse.h"

#include <QCoreApplication>

QString HttpResponse::summary() const
{
    if (failure == Failure::None)
        return QCoreApplication::translate("HttpResponse", "HTTP %1").arg(status);
    return errorText;
}
