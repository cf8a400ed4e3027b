#pragma once
// The work a PredictionService request does, as one plain function (runs on a pool thread; also usable
// synchronously from the CLI and tests): estimate -> forecast -> optional feed recommendation. Every stage
// checks `cancel` so a superseded request stops early.
#include "PredictionSnapshot.h"

#include <atomic>

PredictionResult runPrediction(const PredictionSnapshot &snapshot, const std::atomic_bool *cancel);
