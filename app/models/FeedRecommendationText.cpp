#include "FeedRecommendationText.h"

#include <QCoreApplication>

#include <cmath>

QString describeFeedRecommendation(const FeedRecommendation &recommendation)
{
    const FeedOptimizationResult &optimum = recommendation.optimum;
    if (optimum.feedRates.empty())
        return QCoreApplication::translate("FeedRecommendation", "no recommendation");
    const double start = optimum.intervalStarts.front();
    const double end = optimum.intervalStarts.size() > 1 ? optimum.intervalStarts[1] : optimum.horizonEnd;
    const QString what = recommendation.objective == FeedObjective::Product
                             ? QCoreApplication::translate("FeedRecommendation", "product")
                             : QCoreApplication::translate("FeedRecommendation", "biomass");
    const double percent = recommendation.improvementPercent;
    return QCoreApplication::translate("FeedRecommendation",
                                       "feed %1 mL/h for the next %2 h: %3%4 % %5 by %6 h")
        .arg(QString::number(optimum.feedRates.front() * 1000.0, 'f', 1))
        .arg(QString::number(end - start, 'g', 3))
        .arg(percent >= 0.0 ? QStringLiteral("+") : QString())
        .arg(QString::number(percent, 'f', std::abs(percent) < 10.0 ? 1 : 0))
        .arg(what)
        .arg(QString::number(optimum.horizonEnd, 'g', 4));
}
