#include "Reading.h"

QString qualityName(Quality quality)
{
    switch (quality) {
    case Quality::Good:
        return QStringLiteral("Good");
    case Quality::Uncertain:
        return QStringLiteral("Uncertain");
    case Quality::Bad:
        return QStringLiteral("Bad");
    }
    return QStringLiteral("Bad");
}

bool qualityFromName(const QString &name, Quality *quality)
{
    for (Quality q : {Quality::Good, Quality::Uncertain, Quality::Bad}) {
        if (name.compare(qualityName(q), Qt::CaseInsensitive) == 0) {
            *quality = q;
            return true;
        }
    }
    return false;
}
