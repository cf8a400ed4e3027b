#pragma once
// The one-line card the operator sees for a recommendation, e.g.
// "feed 21.4 mL/h for the next 2 h: +6 % product by 150 h".
#include "PredictionSnapshot.h"

#include <QString>

QString describeFeedRecommendation(const FeedRecommendation &recommendation);
