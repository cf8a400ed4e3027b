#include "DurationText.h"

#include <QCoreApplication>

QString durationText(double hours)
{
    const double seconds = hours * 3600.0;
    if (seconds < 120.0)
        return QCoreApplication::translate("DurationText", "%1 s").arg(seconds, 0, 'f', 0);
    if (seconds < 2 * 3600.0)
        return QCoreApplication::translate("DurationText", "%1 min").arg(seconds / 60.0, 0, 'f', 0);
    return QCoreApplication::translate("DurationText", "%1 h").arg(hours, 0, 'g', 3);
}
