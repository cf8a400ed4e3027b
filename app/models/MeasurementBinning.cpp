#include "MeasurementBinning.h"

#include "SampleStore.h"

#include <cmath>
#include <map>

MeasurementTable measurementsFromStore(const SampleStore &store, const std::vector<ChannelMapping> &mappings,
                                       double runStartSec, double binSeconds)
{
    struct Sum
    {
        double total = 0.0;
        int count = 0;
    };
    // bin index -> per-quantity sums
    std::map<long long, std::array<Sum, measuredQuantityCount>> bins;
    MeasurementTable table;
    for (const ChannelMapping &mapping : mappings) {
        if (!store.channels().contains(mapping.channel))
            continue;
        const std::size_t q = std::size_t(mapping.quantity);
        for (const SeriesPoint &point : store.series(mapping.channel)) {
            if (point.quality == Quality::Bad || !std::isfinite(point.value) || point.timeSec < runStartSec)
                continue;
            Sum &sum =
                bins[static_cast<long long>(std::floor((point.timeSec - runStartSec) / binSeconds))][q];
            sum.total += mapping.factor * point.value;
            ++sum.count;
            table.columnPresent[q] = true;
        }
    }
    for (const auto &[bin, sums] : bins) {
        MeasurementRow row;
        row.tHours = (bin + 0.5) * binSeconds / 3600.0; // the bin's centre
        for (int q = 0; q < measuredQuantityCount; ++q) {
            if (sums[std::size_t(q)].count > 0)
                row.set(MeasuredQuantity(q), sums[std::size_t(q)].total / sums[std::size_t(q)].count);
        }
        table.rows.push_back(row);
    }
    return table;
}
