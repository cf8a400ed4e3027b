#pragma once
// Turns the session's SampleStore into the soft sensor's measurements: each mapped channel's readings are
// averaged in bins of binSeconds since the run started (fewer, less noisy updates for the filter), Bad
// readings are left out, and a bin without readings stays unmeasured (NaN), never zero. Runs on the GUI
// thread when a snapshot is taken: one pass over the channels' full-resolution series.
#include "MeasurementTable.h"

#include <QString>

#include <vector>

class SampleStore;

struct ChannelMapping
{
    QString channel;           // SampleStore channel name, e.g. "reactor1/od600"
    MeasuredQuantity quantity; // what it measures in model units
    double factor = 1.0;       // model value = factor * reading (e.g. g/L biomass per OD unit)
};

MeasurementTable measurementsFromStore(const SampleStore &store, const std::vector<ChannelMapping> &mappings,
                                       double runStartSec, double binSeconds = 300.0);
