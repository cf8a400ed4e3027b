#pragma once
// The plot layout of each station in the user's QSettings ("plot/layouts/<station>", JSON), so the live view
// and a past run of the same station open with the panels the operator arranged last.
#include "PlotLayout.h"

namespace PlotLayoutSettings {
// Nothing saved yet: one panel per channel. What is saved is fitted to the channels (PlotLayout::fromJson).
PlotLayout load(const QString &station, const QList<ChannelInfo> &channels, QStringList *warnings = nullptr);
void save(const QString &station, const PlotLayout &layout);
} // namespace PlotLayoutSettings
