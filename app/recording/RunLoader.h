#pragma once
// Reads a past run file into a SampleStore for viewing (read-only): channels with their labels and ranges,
// every reading in time order (the store keeps the recent end at full resolution and min/max envelopes of
// the rest). Blocking: run it on a worker thread; progress reports and cancels.
#include "ChannelInfo.h"

#include <QList>
#include <QString>

#include <functional>
#include <memory>

class SampleStore;

class RunLoader
{
public:
    struct Result
    {
        std::unique_ptr<SampleStore> store; // no parent, living on the loading thread: move it before use
        QList<ChannelInfo> channels;
        QString error;
        qint64 readings = 0;
    };

    static Result load(const QString &runFile,
                       const std::function<bool(qint64 done, qint64 total)> &progress = {});
};
