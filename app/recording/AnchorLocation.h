#pragma once
// Where the anchors of runs are kept, outside the run files: one append-only log per run in folder, sealed
// with the installation's key in keyFile.
#include <QString>

struct AnchorLocation
{
    QString folder;
    QString keyFile;

    // The GUI's data folder (…/ReactorDesk/reactordesk under the generic data location), so that
    // reactordesk-cli, which has its own application name, finds the same anchors and key.
    static AnchorLocation standard();
    QString logPath(const QString &runId) const;
};
