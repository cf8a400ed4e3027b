#pragma once
// What the control tests around the simulator process share: a demo session's options, waiting until every
// instrument is connected, the latest value of a channel, and a clean shutdown.
#include "ReactorSession.h"
#include "SampleStore.h"

#include <QSignalSpy>
#include <QtGlobal>

namespace DemoSessionTools {
inline ReactorSession::Options demoOptions(double speed, const QString &runFile)
{
    ReactorSession::Options options;
    options.simulatorProgram = QStringLiteral(RD_SIM_PATH);
    options.speed = speed;
    options.runFile = runFile;
    return options;
}

inline bool allInstrumentsConnected(const ReactorSession &session)
{
    for (const QString &name : session.instrumentNames())
        if (session.instrumentState(name) != LinkState::Connected)
            return false;
    return true;
}

inline double latestValue(SampleStore *store, const QString &channel)
{
    const auto &series = store->series(channel);
    return series.empty() ? qQNaN() : series.back().value;
}

// Stops recording and the simulator; true once the session says both are down.
inline bool shutDown(ReactorSession &session)
{
    QSignalSpy stopped(&session, &ReactorSession::stopped);
    session.shutdown();
    return stopped.wait(10000);
}
} // namespace DemoSessionTools
